using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace AIOps.Remediator.Drivers.Kubernetes;

/// <summary>
/// Where the API server is and how to authenticate: the pod's service account (token, CA and namespace mounted at
/// <see cref="ServiceAccountDirectory"/>, server from KUBERNETES_SERVICE_HOST/PORT), or a kubeconfig file's current
/// context (token, or client certificate and key; CA inline or as a file).
/// </summary>
public sealed class KubernetesConnection
{
    public const string ServiceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public required Uri Server { get; init; }

    public required string Namespace { get; init; }

    /// <summary>Reads the bearer token for each request: service-account tokens are rotated on disk.</summary>
    public Func<string?> Token { get; init; } = () => null;

    /// <summary>The CA that signs the API server's certificate; null trusts the system's roots.</summary>
    public X509Certificate2? CertificateAuthority { get; init; }

    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>The pod's service account; <paramref name="directory"/> and the environment are parameters for tests.</summary>
    public static KubernetesConnection InCluster(string directory = ServiceAccountDirectory, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("KUBERNETES_SERVICE_HOST") ?? throw new InvalidOperationException("not in a cluster: KUBERNETES_SERVICE_HOST is not set");
        var port = environment("KUBERNETES_SERVICE_PORT") ?? "443";
        var tokenPath = Path.Combine(directory, "token");
        if (!File.Exists(tokenPath))
        {
            throw new InvalidOperationException($"no service-account token at {tokenPath}");
        }

        var caPath = Path.Combine(directory, "ca.crt");
        var namespacePath = Path.Combine(directory, "namespace");
        return new KubernetesConnection
        {
            Server = new Uri($"https://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}/"),
            Namespace = File.Exists(namespacePath) ? File.ReadAllText(namespacePath).Trim() : "default",
            Token = () => File.ReadAllText(tokenPath).Trim(),
            CertificateAuthority = File.Exists(caPath) ? X509CertificateLoader.LoadCertificateFromFile(caPath) : null,
        };
    }

    /// <summary>The current context of a kubeconfig file; <paramref name="namespaceOverride"/> wins over the context's.</summary>
    public static KubernetesConnection FromKubeconfig(string path, string? namespaceOverride = null)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var contextName = Text(root, "current-context") ?? throw new InvalidOperationException($"{path}: no current-context");
        var context = Named(root, "contexts", contextName, "context", path);
        var cluster = Named(root, "clusters", Text(context, "cluster") ?? "", "cluster", path);
        var userName = Text(context, "user");
        var user = userName is null ? null : Named(root, "users", userName, "user", path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (Text(cluster, "insecure-skip-tls-verify") == "true")
        {
            // An automation that restarts and scales must know whom it talks to.
            throw new InvalidOperationException($"{path}: insecure-skip-tls-verify is not supported; give the cluster's certificate-authority");
        }

        var token = user is null ? null : Text(user, "token") ?? (Text(user, "tokenFile") is { } tokenFile ? File.ReadAllText(Path.Combine(directory, tokenFile)).Trim() : null);
        return new KubernetesConnection
        {
            Server = new Uri(Text(cluster, "server") ?? throw new InvalidOperationException($"{path}: cluster of context {contextName} has no server")),
            Namespace = namespaceOverride ?? Text(context, "namespace") ?? "default",
            Token = () => token,
            CertificateAuthority = Certificate(cluster, "certificate-authority", directory),
            ClientCertificate = ClientCertificateOf(user, directory),
        };
    }

    private static YamlMappingNode Named(YamlMappingNode root, string list, string name, string field, string path)
    {
        var items = root.Children.TryGetValue(new YamlScalarNode(list), out var node) && node is YamlSequenceNode seq ? seq.Children.OfType<YamlMappingNode>() : [];
        var item = items.FirstOrDefault(i => Text(i, "name") == name) ?? throw new InvalidOperationException($"{path}: no {field} named '{name}' in {list}");
        return item.Children.TryGetValue(new YamlScalarNode(field), out var inner) && inner is YamlMappingNode map
            ? map
            : throw new InvalidOperationException($"{path}: {list} entry '{name}' has no {field}");
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    // PEM inline (base64 in "<key>-data") or in a file named by "<key>".
    private static string? Pem(YamlMappingNode map, string key, string directory) =>
        Text(map, key + "-data") is { } data ? Encoding.UTF8.GetString(Convert.FromBase64String(data))
        : Text(map, key) is { } file ? File.ReadAllText(Path.Combine(directory, file))
        : null;

    private static X509Certificate2? Certificate(YamlMappingNode map, string key, string directory) =>
        Pem(map, key, directory) is { } pem ? X509Certificate2.CreateFromPem(pem) : null;

    private static X509Certificate2? ClientCertificateOf(YamlMappingNode? user, string directory)
    {
        if (user is null || Pem(user, "client-certificate", directory) is not { } certificate || Pem(user, "client-key", directory) is not { } key)
        {
            return null;
        }

        // The handshake needs the key in a platform store form, not an ephemeral PEM import.
        using var pem = X509Certificate2.CreateFromPem(certificate, key);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }
}
