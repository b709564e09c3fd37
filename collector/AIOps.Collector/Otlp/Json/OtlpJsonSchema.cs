namespace AIOps.Collector.Otlp.Json;

/// <summary>The OTLP v1 messages as the JSON transcoder needs them: lowerCamelCase names to field numbers and types.</summary>
internal static class OtlpJsonSchema
{
    private static readonly Dictionary<string, Dictionary<string, JsonField>> s_messages = Build();

    public static JsonField? Field(string message, string jsonName)
    {
        var fields = s_messages[message];
        return fields.TryGetValue(jsonName, out var field) ? field : fields.GetValueOrDefault(Normalize(jsonName));
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static Dictionary<string, Dictionary<string, JsonField>> Build()
    {
        var m = new Dictionary<string, Dictionary<string, JsonField>>(StringComparer.Ordinal);
        void Add(string message, params (string Name, int Number, FieldType Type, string? Nested)[] fields)
        {
            var table = new Dictionary<string, JsonField>(StringComparer.Ordinal);
            foreach (var (name, number, type, nested) in fields)
            {
                var field = new JsonField(number, type, nested);
                table[name] = field;
                table[Normalize(name)] = field;
            }

            m[message] = table;
        }

        const FieldType Msg = FieldType.Message;
        Add("ExportTraceServiceRequest", ("resourceSpans", 1, Msg, "ResourceSpans"));
        Add("ResourceSpans", ("resource", 1, Msg, "Resource"), ("scopeSpans", 2, Msg, "ScopeSpans"), ("schemaUrl", 3, FieldType.String, null));
        Add("Resource", ("attributes", 1, Msg, "KeyValue"), ("droppedAttributesCount", 2, FieldType.UInt32, null));
        Add("ScopeSpans", ("scope", 1, Msg, "InstrumentationScope"), ("spans", 2, Msg, "Span"), ("schemaUrl", 3, FieldType.String, null));
        Add("InstrumentationScope", ("name", 1, FieldType.String, null), ("version", 2, FieldType.String, null), ("attributes", 3, Msg, "KeyValue"), ("droppedAttributesCount", 4, FieldType.UInt32, null));
        Add("Span",
            ("traceId", 1, FieldType.HexBytes, null), ("spanId", 2, FieldType.HexBytes, null), ("traceState", 3, FieldType.String, null),
            ("parentSpanId", 4, FieldType.HexBytes, null), ("name", 5, FieldType.String, null), ("kind", 6, FieldType.Enum, null),
            ("startTimeUnixNano", 7, FieldType.Fixed64, null), ("endTimeUnixNano", 8, FieldType.Fixed64, null), ("attributes", 9, Msg, "KeyValue"),
            ("droppedAttributesCount", 10, FieldType.UInt32, null), ("events", 11, Msg, "Event"), ("droppedEventsCount", 12, FieldType.UInt32, null),
            ("links", 13, Msg, "Link"), ("droppedLinksCount", 14, FieldType.UInt32, null), ("status", 15, Msg, "Status"), ("flags", 16, FieldType.Fixed32, null));
        Add("Event", ("timeUnixNano", 1, FieldType.Fixed64, null), ("name", 2, FieldType.String, null), ("attributes", 3, Msg, "KeyValue"), ("droppedAttributesCount", 4, FieldType.UInt32, null));
        Add("Link", ("traceId", 1, FieldType.HexBytes, null), ("spanId", 2, FieldType.HexBytes, null), ("traceState", 3, FieldType.String, null),
            ("attributes", 4, Msg, "KeyValue"), ("droppedAttributesCount", 5, FieldType.UInt32, null), ("flags", 6, FieldType.Fixed32, null));
        Add("Status", ("message", 2, FieldType.String, null), ("code", 3, FieldType.Enum, null));
        Add("KeyValue", ("key", 1, FieldType.String, null), ("value", 2, Msg, "AnyValue"));
        Add("AnyValue", ("stringValue", 1, FieldType.String, null), ("boolValue", 2, FieldType.Bool, null), ("intValue", 3, FieldType.Int64, null),
            ("doubleValue", 4, FieldType.Double, null), ("arrayValue", 5, Msg, "ArrayValue"), ("kvlistValue", 6, Msg, "KeyValueList"), ("bytesValue", 7, FieldType.Base64Bytes, null));
        Add("ArrayValue", ("values", 1, Msg, "AnyValue"));
        Add("KeyValueList", ("values", 1, Msg, "KeyValue"));

        Add("ExportMetricsServiceRequest", ("resourceMetrics", 1, Msg, "ResourceMetrics"));
        Add("ResourceMetrics", ("resource", 1, Msg, "Resource"), ("scopeMetrics", 2, Msg, "ScopeMetrics"), ("schemaUrl", 3, FieldType.String, null));
        Add("ScopeMetrics", ("scope", 1, Msg, "InstrumentationScope"), ("metrics", 2, Msg, "Metric"), ("schemaUrl", 3, FieldType.String, null));
        Add("Metric", ("name", 1, FieldType.String, null), ("description", 2, FieldType.String, null), ("unit", 3, FieldType.String, null),
            ("gauge", 5, Msg, "Gauge"), ("sum", 7, Msg, "Sum"), ("histogram", 9, Msg, "Histogram"), ("exponentialHistogram", 10, Msg, "ExponentialHistogram"),
            ("summary", 11, Msg, "Summary"), ("metadata", 12, Msg, "KeyValue"));
        Add("Gauge", ("dataPoints", 1, Msg, "NumberDataPoint"));
        Add("Sum", ("dataPoints", 1, Msg, "NumberDataPoint"), ("aggregationTemporality", 2, FieldType.Enum, null), ("isMonotonic", 3, FieldType.Bool, null));
        Add("Histogram", ("dataPoints", 1, Msg, "HistogramDataPoint"), ("aggregationTemporality", 2, FieldType.Enum, null));
        Add("ExponentialHistogram", ("dataPoints", 1, Msg, "ExponentialHistogramDataPoint"), ("aggregationTemporality", 2, FieldType.Enum, null));
        Add("Summary", ("dataPoints", 1, Msg, "SummaryDataPoint"));
        Add("NumberDataPoint", ("attributes", 7, Msg, "KeyValue"), ("startTimeUnixNano", 2, FieldType.Fixed64, null), ("timeUnixNano", 3, FieldType.Fixed64, null),
            ("asDouble", 4, FieldType.Double, null), ("asInt", 6, FieldType.SFixed64, null), ("exemplars", 5, FieldType.Skip, null), ("flags", 8, FieldType.UInt32, null));
        Add("HistogramDataPoint", ("attributes", 9, Msg, "KeyValue"), ("startTimeUnixNano", 2, FieldType.Fixed64, null), ("timeUnixNano", 3, FieldType.Fixed64, null),
            ("count", 4, FieldType.Fixed64, null), ("sum", 5, FieldType.Double, null), ("bucketCounts", 6, FieldType.PackedFixed64, null),
            ("explicitBounds", 7, FieldType.PackedDouble, null), ("exemplars", 8, FieldType.Skip, null), ("flags", 10, FieldType.UInt32, null),
            ("min", 11, FieldType.Double, null), ("max", 12, FieldType.Double, null));
        Add("ExponentialHistogramDataPoint", ("attributes", 1, Msg, "KeyValue"), ("startTimeUnixNano", 2, FieldType.Fixed64, null), ("timeUnixNano", 3, FieldType.Fixed64, null),
            ("count", 4, FieldType.Fixed64, null), ("sum", 5, FieldType.Double, null), ("scale", 6, FieldType.SInt32, null), ("zeroCount", 7, FieldType.Fixed64, null),
            ("positive", 8, Msg, "Buckets"), ("negative", 9, Msg, "Buckets"), ("flags", 10, FieldType.UInt32, null), ("exemplars", 11, FieldType.Skip, null),
            ("min", 12, FieldType.Double, null), ("max", 13, FieldType.Double, null), ("zeroThreshold", 14, FieldType.Double, null));
        Add("Buckets", ("offset", 1, FieldType.SInt32, null), ("bucketCounts", 2, FieldType.PackedUInt64, null));
        Add("SummaryDataPoint", ("attributes", 7, Msg, "KeyValue"), ("startTimeUnixNano", 2, FieldType.Fixed64, null), ("timeUnixNano", 3, FieldType.Fixed64, null),
            ("count", 4, FieldType.Fixed64, null), ("sum", 5, FieldType.Double, null), ("quantileValues", 6, Msg, "ValueAtQuantile"), ("flags", 8, FieldType.UInt32, null));
        Add("ValueAtQuantile", ("quantile", 1, FieldType.Double, null), ("value", 2, FieldType.Double, null));

        Add("ExportLogsServiceRequest", ("resourceLogs", 1, Msg, "ResourceLogs"));
        Add("ResourceLogs", ("resource", 1, Msg, "Resource"), ("scopeLogs", 2, Msg, "ScopeLogs"), ("schemaUrl", 3, FieldType.String, null));
        Add("ScopeLogs", ("scope", 1, Msg, "InstrumentationScope"), ("logRecords", 2, Msg, "LogRecord"), ("schemaUrl", 3, FieldType.String, null));
        Add("LogRecord", ("timeUnixNano", 1, FieldType.Fixed64, null), ("observedTimeUnixNano", 11, FieldType.Fixed64, null), ("severityNumber", 2, FieldType.Enum, null),
            ("severityText", 3, FieldType.String, null), ("body", 5, Msg, "AnyValue"), ("attributes", 6, Msg, "KeyValue"), ("droppedAttributesCount", 7, FieldType.UInt32, null),
            ("flags", 8, FieldType.Fixed32, null), ("traceId", 9, FieldType.HexBytes, null), ("spanId", 10, FieldType.HexBytes, null), ("eventName", 12, FieldType.String, null));
        return m;
    }
}
