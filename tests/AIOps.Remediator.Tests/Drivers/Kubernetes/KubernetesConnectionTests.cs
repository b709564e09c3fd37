using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AIOps.Remediator.Drivers.Kubernetes;

namespace AIOps.Remediator.Tests.Drivers.Kubernetes;

public sealed class KubernetesConnectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aiops-k8s-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create();
        return new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void FromKubeconfig_TheCurrentContextsServerNamespaceTokenAndCa()
    {
        using var ca = SelfSigned("cluster-ca");
        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(ca.ExportCertificatePem()));
        var path = Write("config", $"""
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
              - name: staging
                cluster: {"{"}server: https://staging.example:6443{"}"}
              - name: prod
                cluster:
                  server: https://prod.example:6443
                  certificate-authority-data: {caData}
            users:
              - name: sre
                user:
                  token: abc123
            contexts:
              - name: prod
                context: {"{"}cluster: prod, user: sre, namespace: travel{"}"}
            """);

        var connection = KubernetesConnection.FromKubeconfig(path);

        connection.Server.Should().Be(new Uri("https://prod.example:6443"));
        connection.Namespace.Should().Be("travel");
        connection.Token().Should().Be("abc123");
        connection.CertificateAuthority!.Thumbprint.Should().Be(ca.Thumbprint);
        KubernetesConnection.FromKubeconfig(path, "other").Namespace.Should().Be("other");
    }

    [Fact]
    public void FromKubeconfig_ClientCertificate_CarriesItsKey()
    {
        using var key = RSA.Create(2048);
        using var client = new CertificateRequest("CN=sre", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Write("client.crt", client.ExportCertificatePem());
        Write("client.key", key.ExportPkcs8PrivateKeyPem());
        var path = Write("config", """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://k.example"}}]
            users: [{name: u, user: {client-certificate: client.crt, client-key: client.key}}]
            contexts: [{name: c, context: {cluster: k, user: u}}]
            """);

        var connection = KubernetesConnection.FromKubeconfig(path);

        connection.ClientCertificate!.HasPrivateKey.Should().BeTrue();
        connection.ClientCertificate.Subject.Should().Be("CN=sre");
        connection.Namespace.Should().Be("default");
    }

    [Theory]
    [InlineData("current-context: c\nclusters: [{name: k, cluster: {server: \"https://k\", insecure-skip-tls-verify: true}}]\ncontexts: [{name: c, context: {cluster: k}}]\n", "insecure-skip-tls-verify is not supported")]
    [InlineData("current-context: c\nclusters: []\ncontexts: [{name: c, context: {cluster: k}}]\n", "no cluster named 'k' in clusters")]
    [InlineData("clusters: []\n", "no current-context")]
    public void FromKubeconfig_Unusable_SaysWhy(string yaml, string message)
    {
        var path = Write("config", yaml);

        var read = () => KubernetesConnection.FromKubeconfig(path);

        read.Should().Throw<InvalidOperationException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void InCluster_TheMountedServiceAccountReadTokenOnEachRequest()
    {
        using var ca = SelfSigned("cluster-ca");
        Write("token", "first\n");
        Write("ca.crt", ca.ExportCertificatePem());
        Write("namespace", "travel");
        var environment = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBERNETES_SERVICE_PORT"] = "443" };

        var connection = KubernetesConnection.InCluster(_directory, environment.GetValueOrDefault);

        connection.Server.Should().Be(new Uri("https://10.96.0.1:443/"));
        connection.Namespace.Should().Be("travel");
        connection.Token().Should().Be("first");
        Write("token", "rotated");
        connection.Token().Should().Be("rotated");
        connection.CertificateAuthority!.Thumbprint.Should().Be(ca.Thumbprint);
    }

    [Fact]
    public void InCluster_OutsideACluster_SaysSo()
    {
        var connect = () => KubernetesConnection.InCluster(_directory, _ => null);

        connect.Should().Throw<InvalidOperationException>().WithMessage("not in a cluster: KUBERNETES_SERVICE_HOST is not set");
    }
}
