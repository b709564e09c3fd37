using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace AIOps.Dashboard.Security;

/// <summary>
/// The users who may sign in: those in configuration, then those in <c>users.json</c> in the data directory. At the
/// first start with none at all, it creates the admin <c>admin</c> there, so a fresh install is never open and never
/// shipped with a known password. It also locks a name out for a while after repeated failed sign-ins.
/// </summary>
public sealed class UserDirectory
{
    public const string UsersFile = "users.json";
    public const string InitialPasswordFile = "initial-admin-password";
    public const string FirstAdminName = "admin";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // Checked when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static readonly string s_decoy = PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)));

    private readonly Dictionary<string, DashboardUser> _users;
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly DashboardSecurityOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UserDirectory> _logger;

    public UserDirectory(DashboardSecurityOptions options, string dataDirectory, TimeProvider time, ILogger<UserDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        var file = Path.Combine(dataDirectory, UsersFile);
        var stored = File.Exists(file) ? JsonSerializer.Deserialize<List<DashboardUser>>(File.ReadAllText(file), s_json) ?? [] : [];
        _users = new Dictionary<string, DashboardUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in stored.Concat(options.Users))
        {
            _users[user.Name] = user;
        }

        if (_users.Count == 0)
        {
            var admin = CreateFirstAdmin(dataDirectory);
            _users[admin.Name] = admin;
        }
    }

    public IReadOnlyList<DashboardUser> Users => [.. _users.Values.OrderBy(u => u.Name, StringComparer.Ordinal)];

    /// <summary>The user when the name and password match and the name is not locked out.</summary>
    public SignInOutcome SignIn(string? name, string? password)
    {
        name = (name ?? "").Trim();
        const string Wrong = "wrong name or password";
        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return new SignInOutcome(null, "name and password are required");
        }

        var now = _time.GetUtcNow();
        var failures = _failures.GetOrAdd(name, _ => []);
        lock (failures)
        {
            failures.RemoveAll(f => now - f > _options.LockoutWindow);
            if (failures.Count >= _options.MaxFailedSignIns)
            {
                SecurityLog.SignInRefused(_logger, name, "locked out");
                return new SignInOutcome(null, $"too many failed sign-ins: try again in {Math.Ceiling((_options.LockoutWindow - (now - failures[0])).TotalMinutes)} min");
            }
        }

        var user = _users.GetValueOrDefault(name);
        var matches = PasswordHash.Verify(password, user?.PasswordHash ?? s_decoy) && user is not null;
        if (!matches)
        {
            lock (failures)
            {
                failures.Add(now);
            }

            SecurityLog.SignInRefused(_logger, name, Wrong);
            return new SignInOutcome(null, Wrong);
        }

        lock (failures)
        {
            failures.Clear();
        }

        SecurityLog.SignedIn(_logger, user!.Name, user.Role);
        return new SignInOutcome(user, null);
    }

    private DashboardUser CreateFirstAdmin(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var configured = !string.IsNullOrEmpty(_options.InitialAdminPassword);
        var password = configured ? _options.InitialAdminPassword! : Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
        var admin = new DashboardUser { Name = FirstAdminName, Role = DashboardRoles.Admin, PasswordHash = PasswordHash.Create(password) };
        var file = Path.Combine(dataDirectory, UsersFile);
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(new[] { admin }, s_json));
        File.Move(file + ".tmp", file, overwrite: true);
        if (configured)
        {
            SecurityLog.FirstAdminFromConfiguration(_logger, admin.Name);
        }
        else
        {
            var passwordFile = Path.Combine(dataDirectory, InitialPasswordFile);
            File.WriteAllText(passwordFile, password + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            SecurityLog.FirstAdminCreated(_logger, admin.Name, password, passwordFile);
        }

        return admin;
    }
}
