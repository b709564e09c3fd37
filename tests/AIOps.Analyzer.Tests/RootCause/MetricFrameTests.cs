using AIOps.Analyzer.RootCause;

namespace AIOps.Analyzer.Tests.RootCause;

public sealed class MetricFrameTests
{
    private static MetricFrame Frame(long first) => new([first, first + 1000], ["a_cpu", "b_cpu"], [[1, 2], [5, 5]]);

    [Fact]
    public void Append_LaterFrame_ConcatenatesRowsPerColumn()
    {
        var joined = Frame(0).Append(Frame(5000));

        joined.TimesMs.Should().Equal(0, 1000, 5000, 6000);
        joined.Column(0).Should().Equal(1, 2, 1, 2);
    }

    [Fact]
    public void Append_OverlappingOrDifferentColumns_Throws()
    {
        FluentActions.Invoking(() => Frame(0).Append(Frame(1000))).Should().Throw<ArgumentException>().WithMessage("*start after*");
        FluentActions.Invoking(() => Frame(0).Append(new MetricFrame([9000], ["a_cpu"], [[1]]))).Should().Throw<ArgumentException>().WithMessage("*different columns*");
    }

    [Fact]
    public void Where_Predicate_KeepsTheAcceptedColumnsInOrder()
    {
        var kept = Frame(0).Where((_, values) => values[0] != values[1]);

        kept.Names.Should().Equal("a_cpu");
        kept.Column(0).Should().Equal(1, 2);
    }

    [Fact]
    public void Constructor_ColumnOfWrongLengthOrRepeatedName_Throws()
    {
        FluentActions.Invoking(() => new MetricFrame([0, 1], ["a"], [[1]])).Should().Throw<ArgumentException>().WithMessage("*column a has 1 values for 2 times*");
        FluentActions.Invoking(() => new MetricFrame([0], ["a", "a"], [[1], [2]])).Should().Throw<ArgumentException>().WithMessage("*distinct*");
    }
}
