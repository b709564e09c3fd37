using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Evaluation.Rca;

/// <summary>
/// The Nezha TrainTicket fault data (<c>rca_data/&lt;day&gt;/</c> with the faults, <c>construct_data/&lt;day&gt;/</c>
/// with a fault-free phase of the same day). Loading lists the cases only; the spans and metrics of a case are read
/// from disk for the window asked, so memory stays bounded by one window.
/// </summary>
public sealed partial class NezhaDataset
{
    /// <summary>The folder holding the faults' days.</summary>
    public const string FaultFolder = "rca_data";

    /// <summary>The folder holding the fault-free phase of each day.</summary>
    public const string FaultFreeFolder = "construct_data";

    /// <summary>The metric file of the system's entry point, about the requests as users see them.</summary>
    public const string FrontendFile = "front_service.csv";

    /// <summary>The prefix of the metric columns about the node a pod runs on rather than the pod.</summary>
    public const string NodeMetricPrefix = "Node";

    /// <summary>The folder of a day holding one file of metrics per pod.</summary>
    public const string MetricFolderName = "metric";

    /// <summary>The folder of a day holding one file of spans per minute.</summary>
    public const string TraceFolderName = "trace";

    private NezhaDataset(string root, IReadOnlyList<NezhaCase> cases)
    {
        Root = root;
        Cases = cases;
    }

    /// <summary>The dataset's folder.</summary>
    public string Root { get; }

    /// <summary>Every fault of every day, in time order.</summary>
    public IReadOnlyList<NezhaCase> Cases { get; }

    /// <summary>Lists the cases of the fault lists under <paramref name="root"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidDataException">It holds no fault list, or a fault list is malformed.</exception>
    public static NezhaDataset Load(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"{root} does not exist");
        }

        var faults = Path.Combine(root, FaultFolder);
        var cases = new List<NezhaCase>();
        var days = Directory.Exists(faults) ? Directory.GetDirectories(faults) : [];
        foreach (var dayFolder in days.Order(StringComparer.Ordinal))
        {
            var day = Path.GetFileName(dayFolder);
            var list = Path.Combine(dayFolder, $"{day}-fault_list.json");
            if (File.Exists(list))
            {
                cases.AddRange(NezhaFaultList.Read(File.ReadAllText(list), day, list));
            }
        }

        return cases.Count > 0
            ? new NezhaDataset(root, [.. cases.OrderBy(c => c.AnomalyStartMs)])
            : throw new InvalidDataException($"{root} holds no {FaultFolder}/<day>/<day>-fault_list.json");
    }

    /// <summary>
    /// The pod metrics of the case's day in [<paramref name="fromMs"/>, <paramref name="toMs"/>), one series per pod
    /// and metric, attributed to the pod's service. The node-level columns are left out unless asked for: they
    /// describe the machine a pod shares with others and would blame all of them. (The fault-free folder holds the
    /// same metric files, so a baseline is simply an earlier window.)
    /// </summary>
    public IReadOnlyList<MetricSeries> Metrics(NezhaCase @case, long fromMs, long toMs, bool includeNodeMetrics = false)
    {
        ArgumentNullException.ThrowIfNull(@case);
        Func<string, bool>? keep = includeNodeMetrics ? null : column => !column.StartsWith(NodeMetricPrefix, StringComparison.Ordinal);
        return [.. Directory.GetFiles(MetricFolder(@case), "*_metric.csv")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => NezhaMetricCsv.ReadFile(file, fromMs, toMs, keep))];
    }

    /// <summary>The entry point's metrics (service <c>Frontend</c>: success rate and latency as users see them) in the window.</summary>
    public IReadOnlyList<MetricSeries> FrontendMetrics(NezhaCase @case, long fromMs, long toMs)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return NezhaMetricCsv.ReadFile(Path.Combine(MetricFolder(@case), FrontendFile), fromMs, toMs);
    }

    private string MetricFolder(NezhaCase @case) => Path.Combine(Root, FaultFolder, @case.Day, MetricFolderName);
}
