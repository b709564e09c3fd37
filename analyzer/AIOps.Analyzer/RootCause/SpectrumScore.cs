namespace AIOps.Analyzer.RootCause;

/// <summary>
/// How strongly abnormal traces of the incident window pass through a service: the Ochiai coefficient of spectrum
/// fault localisation over traces.
/// </summary>
/// <param name="Service">The service.</param>
/// <param name="AbnormalThrough">Abnormal traces that pass through it.</param>
/// <param name="NormalThrough">Normal traces that pass through it.</param>
/// <param name="Abnormal">Abnormal traces in all.</param>
/// <param name="Ochiai">AbnormalThrough / sqrt(Abnormal * (AbnormalThrough + NormalThrough)), in [0, 1].</param>
/// <param name="ExampleTraceIds">Abnormal traces through it.</param>
public sealed record SpectrumScore(string Service, int AbnormalThrough, int NormalThrough, int Abnormal, double Ochiai, IReadOnlyList<string> ExampleTraceIds);
