using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AIOps.Remediator.Drivers.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace AIOps.Remediator.Tests.Drivers.Kubernetes;

/// <summary>The API server's certificate is checked against the cluster's CA, as kubectl does.</summary>
public sealed class KubernetesTlsTests
{
    private static X509Certificate2 Ca(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 ServerSignedBy(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=kubernetes", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private static async Task<WebApplication> HttpsServerAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => { l.Protocols = HttpProtocols.Http1; l.UseHttps(certificate); }));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsJsonAsync(new { kind = "Deployment", spec = new { replicas = 2 }, status = new { readyReplicas = 2 } }));
        await app.StartAsync();
        return app;
    }

    private static KubernetesApi Api(WebApplication server, X509Certificate2 ca, out HttpClient http)
    {
        var connection = new KubernetesConnection { Server = new Uri(server.Urls.Single()), Namespace = "travel", CertificateAuthority = ca, Token = () => "t" };
        http = new HttpClient(KubernetesApi.Handler(connection));
        return new KubernetesApi(http, connection);
    }

    [Fact]
    public async Task Get_AServerSignedByTheClustersCa_IsTrusted()
    {
        using var ca = Ca("cluster-ca");
        using var certificate = ServerSignedBy(ca);
        await using var server = await HttpsServerAsync(certificate);

        var api = Api(server, ca, out var http);
        using (http)
        {
            var deployment = await api.GetAsync("/apis/apps/v1/namespaces/travel/deployments/hotel", CancellationToken.None);

            deployment!.Value.GetProperty("spec").GetProperty("replicas").GetInt32().Should().Be(2);
        }
    }

    [Fact]
    public async Task Get_AServerSignedByAnotherCa_IsRefused()
    {
        using var ca = Ca("cluster-ca");
        using var impostor = Ca("impostor-ca");
        using var certificate = ServerSignedBy(impostor);
        await using var server = await HttpsServerAsync(certificate);

        var api = Api(server, ca, out var http);
        using (http)
        {
            var read = () => api.GetAsync("/apis/apps/v1/namespaces/travel/deployments/hotel", CancellationToken.None);

            await read.Should().ThrowAsync<HttpRequestException>();
        }
    }
}
