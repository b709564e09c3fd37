namespace AIOps.Collector.Model;

/// <summary>One attribute: a key and its value (OTLP's KeyValue).</summary>
public readonly record struct KeyValue(string Key, AttributeValue Value);
