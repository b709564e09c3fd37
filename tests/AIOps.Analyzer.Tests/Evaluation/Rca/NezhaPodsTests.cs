using AIOps.Analyzer.Evaluation.Rca;

namespace AIOps.Analyzer.Tests.Evaluation.Rca;

public sealed class NezhaPodsTests
{
    [Theory]
    [InlineData("ts-contacts-service-866bd68c97-xcqfx", "ts-contacts-service")]
    [InlineData("ts-ui-dashboard-5477b965f-2chkr", "ts-ui-dashboard")]
    [InlineData("ts-food-service-f5756978c-k8vqf", "ts-food-service")]
    [InlineData("ts-station-food-service-dc4d75dd-fw6ft", "ts-station-food-service")]
    [InlineData("ts-contacts-service", "ts-contacts-service")]
    [InlineData("Frontend", "Frontend")]
    [InlineData("node-exporter-x7k2p", "node-exporter")]
    [InlineData("mysql-0", "mysql-0")]
    [InlineData("ts-order-service-abcde", "ts-order-service-abcde")]
    public void ServiceOf_PodName_DropsTheGeneratedParts(string pod, string service) =>
        NezhaPods.ServiceOf(pod).Should().Be(service);
}
