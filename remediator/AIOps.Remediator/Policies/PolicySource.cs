namespace AIOps.Remediator.Policies;

/// <summary>The policy file in force: read at start (the options validator has checked it), read again on <see cref="Reload"/>.</summary>
public sealed class PolicySource(RemediationOptions options)
{
    private PolicySet? _current;

    public PolicySet Current => _current ??= Read();

    /// <summary>Reads the file again; a file that no longer reads keeps the policies in force and throws why.</summary>
    public PolicySet Reload() => _current = Read();

    private PolicySet Read() =>
        options.Enabled && options.PolicyFile is { } path ? PolicyFileReader.ReadFile(path) : new PolicySet();
}
