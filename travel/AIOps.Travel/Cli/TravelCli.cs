using System.CommandLine;

namespace AIOps.Travel.Cli;

/// <summary>The travel command line: serve a service, run the registry, generate load, inject faults.</summary>
internal static class TravelCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("The travel-booking platform that AIOps observes: services, registry, load generator and chaos tool.");
        root.Add(ServeCommand.Create());
        root.Add(RegistryCommand.Create());
        root.Add(LoadCommand.Create());
        root.Add(ChaosCommand.Create());
        return root;
    }
}
