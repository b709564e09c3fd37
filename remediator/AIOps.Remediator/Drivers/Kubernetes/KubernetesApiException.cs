using System.Net;

namespace AIOps.Remediator.Drivers.Kubernetes;

/// <summary>The API server refused a request: its status and the message of its Status object.</summary>
public sealed class KubernetesApiException : Exception
{
    public KubernetesApiException()
    {
    }

    public KubernetesApiException(string message)
        : base(message)
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubernetesApiException(HttpStatusCode status, string method, string path, string reason)
        : base($"{method} {path}: {(int)status} {reason}")
    {
        Status = status;
    }

    public HttpStatusCode Status { get; }
}
