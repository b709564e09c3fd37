using System.Runtime.CompilerServices;

namespace AIOps.Analyzer.Detection;

/// <summary>
/// One node of an isolation tree, 16 bytes so that a step down the tree reads one cache line. An inner node sends a
/// point whose <see cref="Feature"/> is below <see cref="Split"/> to the next node (its left child) and any other to
/// <see cref="Right"/>. A leaf has a split of negative infinity and itself as right child: a walk that reaches it
/// stays there, so every walk can take the same number of steps, without a test for leaves.
/// </summary>
internal readonly record struct IsolationNode(double Split, int Feature, int Right)
{
    public static IsolationNode Leaf(int self) => new(double.NegativeInfinity, 0, self);

    /// <summary>The node a point goes to from here, chosen without a branch: which side a point takes is a coin toss
    /// the processor cannot predict.</summary>
    public int Next(int self, ReadOnlySpan<double> point)
    {
        var left = Unsafe.BitCast<bool, byte>(point[Feature] < Split);
        return Right ^ ((Right ^ (self + 1)) & -left);
    }
}
