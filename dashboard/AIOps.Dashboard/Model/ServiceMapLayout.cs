using System.Globalization;

namespace AIOps.Dashboard.Model;

/// <summary>
/// Places the services of the dependency graph for the map, left to right in layers: services nobody calls (the
/// entry points, such as the gateway) in the first, every other one a layer to the right of its deepest caller, and
/// the services of a layer spread vertically, ordered after their callers to keep lines from crossing. A call that
/// closes a cycle is left out of the layering (it is still drawn, curving back), so cycles are tolerated. Pure.
/// </summary>
public sealed class ServiceMapLayout
{
    public const double NodeWidth = 160;
    public const double NodeHeight = 44;
    public const double LayerGap = 240;
    public const double RowGap = 78;
    public const double Margin = 24;

    private readonly Dictionary<string, MapNode> _byName;

    private ServiceMapLayout(IReadOnlyList<MapNode> nodes)
    {
        Nodes = nodes;
        _byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        Layers = nodes.Count == 0 ? 0 : nodes.Max(n => n.Layer) + 1;
        var rows = nodes.Count == 0 ? 0 : nodes.GroupBy(n => n.Layer).Max(g => g.Count());
        Width = (2 * Margin) + (Math.Max(0, Layers - 1) * LayerGap) + NodeWidth;

        // Room below the lowest row for calls that curve back under the boxes.
        Height = (2 * Margin) + (Math.Max(0, rows - 1) * RowGap) + NodeHeight + RowGap / 2;
    }

    /// <summary>The services placed, in layer then row order.</summary>
    public IReadOnlyList<MapNode> Nodes { get; }

    public int Layers { get; }

    public double Width { get; }

    public double Height { get; }

    public MapNode? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Lays out <paramref name="services"/> and the services of <paramref name="calls"/>, caller to callee.</summary>
    public static ServiceMapLayout Arrange(IEnumerable<string> services, IEnumerable<(string Caller, string Callee)> calls)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(calls);
        var edges = calls.Where(c => !string.Equals(c.Caller, c.Callee, StringComparison.Ordinal)).Distinct().ToList();
        var names = services.Concat(edges.SelectMany(e => new[] { e.Caller, e.Callee })).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var callees = names.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (caller, callee) in edges)
        {
            callees[caller].Add(callee);
        }

        var (order, forward) = DepthFirst(names, edges, callees);
        var callers = names.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (caller, callee) in forward)
        {
            callers[callee].Add(caller);
        }

        // In topological order every caller has its layer before its callees.
        var layer = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            layer[name] = callers[name].Count == 0 ? 0 : callers[name].Max(c => layer[c]) + 1;
        }

        return new ServiceMapLayout(Place(names, layer, callers));
    }

    /// <summary>The path of a call from <paramref name="caller"/> to <paramref name="callee"/>; null if either is not on the map.</summary>
    public MapEdgePath? Edge(string caller, string callee)
    {
        if (Find(caller) is not { } from || Find(callee) is not { } to)
        {
            return null;
        }

        if (from == to)
        {
            // A service calling itself: a loop off its right side.
            var (rx, top) = (from.X + NodeWidth, from.Y);
            return new MapEdgePath($"M{F(rx)},{F(top + 12)} C{F(rx + 44)},{F(top - 14)} {F(rx + 44)},{F(top + NodeHeight + 14)} {F(rx)},{F(top + NodeHeight - 12)}", rx + 40, top + (NodeHeight / 2) + 4);
        }

        if (to.Layer > from.Layer)
        {
            var (x1, y1, x2, y2) = (from.X + NodeWidth, from.Y + (NodeHeight / 2), to.X, to.Y + (NodeHeight / 2));
            var bend = (x2 - x1) / 2;
            return new MapEdgePath($"M{F(x1)},{F(y1)} C{F(x1 + bend)},{F(y1)} {F(x2 - bend)},{F(y2)} {F(x2)},{F(y2)}", (x1 + x2) / 2, ((y1 + y2) / 2) - 5);
        }

        // A call back to an earlier layer, or within one: under the boxes, from the caller's bottom to the callee's.
        var (bx1, by1, bx2, by2) = (from.X + (NodeWidth / 2) + 12, from.Y + NodeHeight, to.X + (NodeWidth / 2) - 12, to.Y + NodeHeight);
        var low = Math.Max(by1, by2) + (RowGap / 2);
        return new MapEdgePath($"M{F(bx1)},{F(by1)} C{F(bx1)},{F(low)} {F(bx2)},{F(low)} {F(bx2)},{F(by2)}", (bx1 + bx2) / 2, low - 4);
    }

    // Depth first from the entry services (then from whatever a cycle kept unreached): the reverse post-order is a
    // topological order of the calls that do not close a cycle, which are the ones returned as forward.
    private static (List<string> Order, List<(string, string)> Forward) DepthFirst(List<string> names, List<(string Caller, string Callee)> edges, Dictionary<string, List<string>> callees)
    {
        var called = edges.Select(e => e.Callee).ToHashSet(StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // absent: unseen, 1: on the path, 2: done
        var post = new List<string>();
        var forward = new List<(string, string)>();
        foreach (var root in names.Where(n => !called.Contains(n)).Concat(names))
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            var stack = new Stack<(string Name, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (name, next) = stack.Pop();
                var targets = callees[name];
                if (next == targets.Count)
                {
                    state[name] = 2;
                    post.Add(name);
                    continue;
                }

                stack.Push((name, next + 1));
                var target = targets[next];
                if (state.GetValueOrDefault(target) == 1)
                {
                    continue;
                }

                forward.Add((name, target));
                if (!state.ContainsKey(target))
                {
                    state[target] = 1;
                    stack.Push((target, 0));
                }
            }
        }

        post.Reverse();
        return (post, forward);
    }

    // Rows: the first layer by name, each later one by the mean row of its callers (then by name); each layer is
    // centred on the tallest.
    private static List<MapNode> Place(List<string> names, Dictionary<string, int> layer, Dictionary<string, List<string>> callers)
    {
        var layers = names.GroupBy(n => layer[n]).OrderBy(g => g.Key).ToList();
        var tallest = layers.Count == 0 ? 0 : layers.Max(g => g.Count());
        var row = new Dictionary<string, double>(StringComparer.Ordinal);
        var nodes = new List<MapNode>(names.Count);
        foreach (var group in layers)
        {
            var ordered = group
                .OrderBy(n => callers[n].Count == 0 ? 0 : callers[n].Average(c => row[c]))
                .ThenBy(n => n, StringComparer.Ordinal)
                .ToList();
            var offset = (tallest - ordered.Count) * RowGap / 2;
            for (var i = 0; i < ordered.Count; i++)
            {
                // Rows are compared across layers by their centred position, so that callees line up with callers.
                row[ordered[i]] = i + ((tallest - ordered.Count) / 2.0);
                nodes.Add(new MapNode(ordered[i], group.Key, i, Margin + (group.Key * LayerGap), Margin + offset + (i * RowGap)));
            }
        }

        return nodes;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
