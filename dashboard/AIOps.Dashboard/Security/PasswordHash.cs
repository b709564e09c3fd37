using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AIOps.Dashboard.Security;

/// <summary>
/// Password hashes as configuration holds them: <c>pbkdf2-sha256$iterations$salt$hash</c> (salt and hash in base64),
/// PBKDF2 with HMAC-SHA256 and a 16-byte random salt, as OWASP recommends for FIPS-compatible storage.
/// </summary>
public static class PasswordHash
{
    public const string Scheme = "pbkdf2-sha256";
    public const int DefaultIterations = 210_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="encoded"/> is a hash this class can check; the reason when it is not.</summary>
    public static string? Problem(string? encoded)
    {
        var parts = (encoded ?? "").Split('$');
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            return $"a password hash must read {Scheme}$iterations$salt$hash (make one with `aiops user hash`)";
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 10_000)
        {
            return "a password hash needs at least 10000 iterations";
        }

        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(parts[2], buffer, out _) && Convert.TryFromBase64String(parts[3], buffer, out var length) && length == HashBytes
            ? null
            : "a password hash's salt and hash must be base64, the hash 32 bytes";
    }

    /// <summary>Whether <paramref name="password"/> matches; compares in constant time.</summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (Problem(encoded) is not null)
        {
            return false;
        }

        var parts = encoded.Split('$');
        var iterations = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
