using System.CommandLine;
using AIOps.Dashboard.Security;

namespace AIOps.Dashboard.Cli;

/// <summary>
/// aiops user hash: reads a password from standard input (never the command line, which shells keep) and prints its
/// hash for <c>Dashboard:Users:N:PasswordHash</c>.
/// </summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var hash = new Command("hash", "Read a password from standard input and print its hash for the Dashboard:Users settings");
        hash.SetAction(async (_, cancellationToken) =>
        {
            var password = (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password) || password.Length < 12)
            {
                await Console.Error.WriteLineAsync("error: give a password of at least 12 characters on standard input").ConfigureAwait(false);
                return 2;
            }

            Console.WriteLine(PasswordHash.Create(password));
            return 0;
        });
        return new Command("user", "Manage the dashboard's users") { hash };
    }
}
