using System.Globalization;
using AIOps.Travel.Hashing;
using AIOps.Travel.Services.Contracts;

namespace AIOps.Travel.Services.Catalog;

/// <summary>The user accounts: u1 .. u100000, a few of them blocked, tiers spread by hash.</summary>
public static class UserDirectory
{
    public const int UserCount = 100_000;

    private static readonly string[] s_tiers = ["basic", "basic", "basic", "silver", "silver", "gold"];

    public static UserProfile? Find(string id)
    {
        if (id.Length < 2 || id[0] != 'u' || !int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > UserCount)
        {
            return null;
        }

        var tier = s_tiers[StableHash.Of(id) % (ulong)s_tiers.Length];
        return new UserProfile(id, $"Traveller {n.ToString(CultureInfo.InvariantCulture)}", $"{id}@example.travel", tier, Blocked: n % 997 == 0);
    }
}
