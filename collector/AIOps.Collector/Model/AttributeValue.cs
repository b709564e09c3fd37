using System.Globalization;

namespace AIOps.Collector.Model;

/// <summary>An attribute value as OTLP sends it.</summary>
/// <param name="Kind">Which variant.</param>
/// <param name="Text">Text, base64 bytes or JSON.</param>
/// <param name="Integral">An int value, or 1/0 for a bool.</param>
/// <param name="Real">A double value.</param>
public readonly record struct AttributeValue(AttributeKind Kind, string? Text, long Integral, double Real)
{
    public static AttributeValue OfText(string value) => new(AttributeKind.Text, value, 0, 0);

    public static AttributeValue OfTruth(bool value) => new(AttributeKind.Truth, null, value ? 1 : 0, 0);

    public static AttributeValue OfIntegral(long value) => new(AttributeKind.Integral, null, value, 0);

    public static AttributeValue OfReal(double value) => new(AttributeKind.Real, null, 0, value);

    public static AttributeValue OfBinary(string base64) => new(AttributeKind.Binary, base64, 0, 0);

    public static AttributeValue OfJson(string json) => new(AttributeKind.Json, json, 0, 0);

    /// <summary>The value as text (labels, search, display).</summary>
    public override string ToString() => Kind switch
    {
        AttributeKind.Text or AttributeKind.Binary or AttributeKind.Json => Text ?? string.Empty,
        AttributeKind.Truth => Integral != 0 ? "true" : "false",
        AttributeKind.Integral => Integral.ToString(CultureInfo.InvariantCulture),
        AttributeKind.Real => Real.ToString("R", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}
