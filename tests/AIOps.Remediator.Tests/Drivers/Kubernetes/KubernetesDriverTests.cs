using AIOps.Remediator.Drivers.Kubernetes;
using AIOps.Testing;

namespace AIOps.Remediator.Tests.Drivers.Kubernetes;

public sealed class KubernetesDriverTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 12, 30, 0, TimeSpan.Zero);
    private KubernetesApiDouble _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await KubernetesApiDouble.StartAsync();
        _server.Deployments["hotel"] = (2, 2, []);
        _server.Deployments["flight"] = (3, 3, []);
        _server.Pods["hotel-7d9c-abcde"] = "hotel";
        _server.Pods["hotel-7d9c-fghij"] = "hotel";
        _server.Pods["flight-55f-klmno"] = "flight";
        _server.Hpas["flight"] = (2, 8);
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private KubernetesDriver Driver(string token = KubernetesApiDouble.Token) => new(
        new KubernetesApi(_http, new KubernetesConnection { Server = _server.Server, Namespace = KubernetesApiDouble.Namespace, Token = () => token }),
        new ManualTimeProvider(s_now));

    private (string Method, string PathAndQuery, string? ContentType, string Body) Last() => _server.Requests.Last();

    [Fact]
    public async Task ScaleAsync_NoHpa_PatchesTheScaleSubresourceWithAMergePatch()
    {
        var plan = await Driver().ScaleAsync("hotel", 3, dryRun: false, CancellationToken.None);

        Last().Should().Be(("PATCH", "/apis/apps/v1/namespaces/travel/deployments/hotel/scale?fieldManager=aiops", "application/merge-patch+json", """{"spec":{"replicas":3}}"""));
        plan.Should().Equal("""PATCH /apis/apps/v1/namespaces/travel/deployments/hotel/scale?fieldManager=aiops (application/merge-patch+json) {"spec":{"replicas":3}}""");
        _server.Deployments["hotel"].Replicas.Should().Be(3);
    }

    [Fact]
    public async Task ScaleAsync_DryRun_AsksTheServerToCheckAndChangesNothing()
    {
        await Driver().ScaleAsync("hotel", 5, dryRun: true, CancellationToken.None);

        Last().PathAndQuery.Should().Be("/apis/apps/v1/namespaces/travel/deployments/hotel/scale?fieldManager=aiops&dryRun=All");
        _server.Deployments["hotel"].Replicas.Should().Be(2);
    }

    [Fact]
    public async Task ScaleAsync_UnderAnHpa_RaisesTheHpaFloorInsteadWithinItsMaximum()
    {
        await Driver().ScaleAsync("flight", 12, dryRun: false, CancellationToken.None);

        Last().Should().Be(("PATCH", "/apis/autoscaling/v2/namespaces/travel/horizontalpodautoscalers/flight?fieldManager=aiops", "application/merge-patch+json", """{"spec":{"minReplicas":8}}"""));
        _server.Hpas["flight"].Should().Be((8, 8));
        _server.Deployments["flight"].Replicas.Should().Be(3, "the HPA scales the deployment; a direct scale would be undone");
    }

    [Fact]
    public async Task SetFloorAsync_NoHpa_TheReplicasFollowTheFloorBothWays()
    {
        (await Driver().SetFloorAsync("hotel", 2, dryRun: false, CancellationToken.None)).Should().BeEmpty("hotel already runs 2");
        await Driver().SetFloorAsync("hotel", 4, dryRun: false, CancellationToken.None);
        _server.Deployments["hotel"].Replicas.Should().Be(4);

        await Driver().SetFloorAsync("hotel", 1, dryRun: false, CancellationToken.None);
        _server.Deployments["hotel"].Replicas.Should().Be(1);
    }

    [Fact]
    public async Task RollingRestartAsync_PatchesThePodTemplateAnnotationAsKubectlRolloutRestart()
    {
        await Driver().RollingRestartAsync("hotel", minHealthy: 1, dryRun: false, CancellationToken.None);

        Last().Should().Be(("PATCH", "/apis/apps/v1/namespaces/travel/deployments/hotel?fieldManager=aiops", "application/strategic-merge-patch+json",
            """{"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-21T12:30:00Z"}}}}}"""));
        _server.Deployments["hotel"].Annotations.Should().Contain("kubectl.kubernetes.io/restartedAt", "2026-11-21T12:30:00Z");
    }

    [Fact]
    public async Task RollingRestartAsync_FewerReadyThanMinHealthy_Refuses()
    {
        _server.Deployments["hotel"] = (2, 1, []);

        var restart = () => Driver().RollingRestartAsync("hotel", minHealthy: 2, dryRun: false, CancellationToken.None);

        (await restart.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be("hotel has 1 ready replicas; a restart would need at least min_healthy 2");
        _server.Requests.Should().NotContain(r => r.Method == "PATCH");
    }

    [Fact]
    public async Task RestartInstanceAsync_DeletesThePodAfterCheckingItBelongsToTheService()
    {
        var plan = await Driver().RestartInstanceAsync("hotel", "hotel-7d9c-abcde", dryRun: false, CancellationToken.None);

        Last().Should().Be(("DELETE", "/api/v1/namespaces/travel/pods/hotel-7d9c-abcde?fieldManager=aiops", null, ""));
        plan.Should().Equal("DELETE /api/v1/namespaces/travel/pods/hotel-7d9c-abcde?fieldManager=aiops");
        _server.Pods.Should().NotContainKey("hotel-7d9c-abcde");
    }

    [Fact]
    public async Task RestartInstanceAsync_APodOfAnotherService_Refuses()
    {
        var restart = () => Driver().RestartInstanceAsync("hotel", "flight-55f-klmno", dryRun: false, CancellationToken.None);

        (await restart.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("not an instance of hotel");
        _server.Pods.Should().ContainKey("flight-55f-klmno");
    }

    [Fact]
    public async Task ReplicasAsync_DeploymentPodsAndHpaFloor()
    {
        var hotel = await Driver().ReplicasAsync("hotel", CancellationToken.None);
        var flight = await Driver().ReplicasAsync("flight", CancellationToken.None);

        hotel.Should().BeEquivalentTo(new { Desired = 2, Ready = 2, Instances = new[] { "hotel-7d9c-abcde", "hotel-7d9c-fghij" }, Floor = (int?)null });
        flight.Floor.Should().Be(2);
        _server.Requests.Should().Contain(r => r.PathAndQuery == "/api/v1/namespaces/travel/pods?labelSelector=app.kubernetes.io%2Fname%3Dhotel");
    }

    [Fact]
    public async Task PatchAsync_Conflicts_AreRetried()
    {
        _server.ConflictsToAnswer = 2;

        await Driver().ScaleAsync("hotel", 3, dryRun: false, CancellationToken.None);

        _server.Requests.Count(r => r.Method == "PATCH").Should().Be(3);
        _server.Deployments["hotel"].Replicas.Should().Be(3);
    }

    [Fact]
    public async Task PatchAsync_ConflictsThatLast_FailWithTheServersMessage()
    {
        _server.ConflictsToAnswer = 10;

        var scale = () => Driver().ScaleAsync("hotel", 3, dryRun: false, CancellationToken.None);

        var error = (await scale.Should().ThrowAsync<KubernetesApiException>()).Which;
        error.Status.Should().Be(System.Net.HttpStatusCode.Conflict);
        error.Message.Should().Contain("the object has been modified");
    }

    [Fact]
    public async Task Requests_WithAWrongToken_FailUnauthorized()
    {
        var read = () => Driver("wrong").ReplicasAsync("hotel", CancellationToken.None);

        (await read.Should().ThrowAsync<KubernetesApiException>()).Which.Message.Should().Be("GET /apis/apps/v1/namespaces/travel/deployments/hotel: 401 Unauthorized");
    }

    [Fact]
    public async Task ReplicasAsync_NoSuchDeployment_SaysSo()
    {
        var read = () => Driver().ReplicasAsync("taxi", CancellationToken.None);

        (await read.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Be("no deployment taxi in namespace travel");
    }
}
