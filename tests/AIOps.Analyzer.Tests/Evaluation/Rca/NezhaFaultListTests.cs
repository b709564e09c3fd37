using AIOps.Analyzer.Evaluation.Rca;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class NezhaFaultListTests
{
    private const string Json = """
        {
          "09": [{"inject_time": "2023-01-29 09:12:56", "inject_timestamp": "1674954273", "inject_pod": "ts-basic-service-5dc8d4f9fd-46997", "inject_type": "return"}],
          "08": [{"inject_time": "2023-01-29 08:43:04", "inject_timestamp": "1674953044", "inject_pod": "ts-contacts-service-866bd68c97-xcqfx", "inject_type": "exception"}]
        }
        """;

    [Fact]
    public void Read_FaultList_GivesCasesInTimeOrderStartingAtInjectTimeAsUtc()
    {
        var cases = NezhaFaultList.Read(Json, "2023-01-29", "list.json");

        cases.Should().Equal(
            new NezhaCase("2023-01-29 08:43:04", "2023-01-29", "ts-contacts-service", "ts-contacts-service-866bd68c97-xcqfx", "exception", 1674981784000, null),
            new NezhaCase("2023-01-29 09:12:56", "2023-01-29", "ts-basic-service", "ts-basic-service-5dc8d4f9fd-46997", "return", 1674983576000, 1674981784000));
    }

    [Theory]
    [InlineData("[]", "list.json: expected an object*")]
    [InlineData("{\"08\": {}}", "list.json: hour '08' is not an array*")]
    [InlineData("{\"08\": [{\"inject_pod\": \"p\", \"inject_type\": \"t\"}]}", "list.json: hour '08' fault 0: no inject_time*")]
    [InlineData("{\"08\": [{\"inject_time\": \"1674953044\", \"inject_pod\": \"p\", \"inject_type\": \"t\"}]}", "*inject_time '1674953044' is not*")]
    [InlineData("{", "list.json: not JSON*")]
    public void Read_Malformed_ThrowsSayingWhere(string json, string message) =>
        FluentActions.Invoking(() => NezhaFaultList.Read(json, "2023-01-29", "list.json"))
            .Should().Throw<InvalidDataException>().WithMessage(message);
}
