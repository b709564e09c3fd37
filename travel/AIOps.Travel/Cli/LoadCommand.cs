namespace AIOps.Travel.Cli; internal static class LoadCommand { public static System.CommandLine.Command Create() => new("load", "todo"); }
