namespace AIOps.Remediator.Policies;

/// <summary>A policy file that cannot be used, with where and why: "policies.yaml:12:7: policies[0].action.type: ...".</summary>
public sealed class PolicyFileException : Exception
{
    public PolicyFileException()
    {
    }

    public PolicyFileException(string message)
        : base(message)
    {
    }

    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PolicyFileException(string source, long line, long column, string path, string reason)
        : base($"{source}:{line}:{column}: {(path.Length == 0 ? "" : path + ": ")}{reason}")
    {
        Line = line;
        Column = column;
        Path = path;
    }

    /// <summary>The 1-based line of the offending node.</summary>
    public long Line { get; }

    public long Column { get; }

    /// <summary>Where in the document, e.g. policies[0].action.type.</summary>
    public string Path { get; } = "";
}
