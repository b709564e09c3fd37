using AIOps.Collector.Model;

namespace AIOps.Collector.Otlp;

public sealed partial class OtlpProtobufDecoder
{
    /// <summary>Decodes an ExportLogsServiceRequest.</summary>
    public DecodeResult<LogBatch> DecodeLogs(ReadOnlySpan<byte> body)
    {
        var records = new List<LogData>();
        var reader = new ProtoReader(body);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1)
            {
                reader.Skip(wire);
                continue;
            }

            ProtoReader.Expect(wire, 2, "resource_logs");
            var resourceLogsBytes = reader.ReadBytes();
            var resourceLogs = new ProtoReader(resourceLogsBytes);
            var resource = TelemetryResource.None;
            var scopes = new List<(int Offset, int Length)>();
            while (resourceLogs.Next(out var rlField, out var rlWire))
            {
                switch (rlField)
                {
                    case 1 when rlWire == 2:
                        resource = ReadResource(resourceLogs.ReadBytes());
                        break;
                    case 2 when rlWire == 2:
                        var scopeBytes = resourceLogs.ReadBytes();
                        scopes.Add((Offset(resourceLogsBytes, scopeBytes), scopeBytes.Length));
                        break;
                    default:
                        resourceLogs.Skip(rlWire);
                        break;
                }
            }

            foreach (var (offset, length) in scopes)
            {
                ReadScopeLogs(resourceLogsBytes.Slice(offset, length), resource, records);
            }
        }

        return new DecodeResult<LogBatch>(new LogBatch(records), 0, null);
    }

    private void ReadScopeLogs(ReadOnlySpan<byte> data, TelemetryResource resource, List<LogData> records)
    {
        var scope = InstrumentationScope.None;
        var pending = new List<(int Offset, int Length)>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == 2:
                    scope = ReadScope(reader.ReadBytes());
                    break;
                case 2 when wire == 2:
                    var record = reader.ReadBytes();
                    pending.Add((Offset(data, record), record.Length));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        foreach (var (offset, length) in pending)
        {
            records.Add(ReadLogRecord(data.Slice(offset, length), resource, scope));
        }
    }

    private LogData ReadLogRecord(ReadOnlySpan<byte> data, TelemetryResource resource, InstrumentationScope scope)
    {
        long time = 0, observed = 0;
        var severity = 0;
        string? severityText = null;
        var body = string.Empty;
        List<KeyValue>? attributes = null;
        uint flags = 0;
        TraceId traceId = default;
        SpanId spanId = default;
        string? eventName = null;
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 1):
                    time = (long)reader.ReadFixed64();
                    break;
                case (2, 0):
                    severity = (int)Math.Min(reader.ReadVarint(), 24);
                    break;
                case (3, 2):
                    severityText = NullIfEmpty(_strings.Get(reader.ReadBytes()));
                    break;
                case (5, 2):
                    body = ReadAnyValue(reader.ReadBytes()).ToString();
                    break;
                case (6, 2):
                    (attributes ??= []).Add(ReadKeyValue(reader.ReadBytes()));
                    break;
                case (8, 5):
                    flags = reader.ReadFixed32();
                    break;
                case (9, 2):
                    traceId = TraceId.FromBytes(reader.ReadBytes());
                    break;
                case (10, 2):
                    spanId = SpanId.FromBytes(reader.ReadBytes());
                    break;
                case (11, 1):
                    observed = (long)reader.ReadFixed64();
                    break;
                case (12, 2):
                    eventName = NullIfEmpty(_strings.Get(reader.ReadBytes()));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new LogData
        {
            Resource = resource,
            Scope = scope,
            TimeUnixNano = time,
            ObservedTimeUnixNano = observed,
            SeverityNumber = severity,
            SeverityText = severityText,
            Body = body,
            Attributes = attributes ?? (IReadOnlyList<KeyValue>)[],
            Flags = flags,
            TraceId = traceId,
            SpanId = spanId,
            EventName = eventName,
        };
    }
}
