using AIOps.Collector.Model;

namespace AIOps.Collector.Storage.Blocks;

/// <summary>Log records of one write as one compressed block, in the same manner as <see cref="SpanBlockCodec"/>.</summary>
internal static class LogBlockCodec
{
    private const byte Version = 1;

    public static byte[] Encode(IReadOnlyList<LogData> records)
    {
        var writer = new BlockWriter();
        writer.Byte(Version);
        var resources = new Dictionary<TelemetryResource, int>(ReferenceEqualityComparer.Instance);
        var scopes = new Dictionary<InstrumentationScope, int>();
        var resourceList = new List<TelemetryResource>();
        var scopeList = new List<InstrumentationScope>();
        var baseTime = long.MaxValue;
        foreach (var record in records)
        {
            if (resources.TryAdd(record.Resource, resourceList.Count))
            {
                resourceList.Add(record.Resource);
            }

            if (scopes.TryAdd(record.Scope, scopeList.Count))
            {
                scopeList.Add(record.Scope);
            }

            baseTime = Math.Min(baseTime, record.EffectiveTimeUnixNano);
        }

        writer.Varint((ulong)resourceList.Count);
        foreach (var resource in resourceList)
        {
            writer.Attributes(resource.Attributes);
        }

        writer.Varint((ulong)scopeList.Count);
        foreach (var scope in scopeList)
        {
            writer.String(scope.Name);
            writer.String(scope.Version);
        }

        writer.Fixed64((ulong)baseTime);
        writer.Varint((ulong)records.Count);
        foreach (var record in records)
        {
            writer.Varint((ulong)resources[record.Resource]);
            writer.Varint((ulong)scopes[record.Scope]);
            writer.Signed(record.TimeUnixNano == 0 ? -1 : record.TimeUnixNano - baseTime);
            writer.Signed(record.ObservedTimeUnixNano == 0 ? -1 : record.ObservedTimeUnixNano - baseTime);
            writer.Varint((ulong)record.SeverityNumber);
            writer.String(record.SeverityText);
            writer.String(record.Body);
            writer.Attributes(record.Attributes);
            writer.Fixed64(record.TraceId.High);
            writer.Fixed64(record.TraceId.Low);
            writer.Fixed64(record.SpanId.Value);
            writer.Varint(record.Flags);
            writer.String(record.EventName);
        }

        return writer.ToCompressed();
    }

    public static List<LogData> Decode(ReadOnlySpan<byte> block)
    {
        var reader = new BlockReader(block);
        if (reader.Byte() != Version)
        {
            throw new StoreException("unknown log block version");
        }

        var resources = new TelemetryResource[(int)reader.Varint()];
        for (var i = 0; i < resources.Length; i++)
        {
            resources[i] = new TelemetryResource(reader.Attributes());
        }

        var scopes = new InstrumentationScope[(int)reader.Varint()];
        for (var i = 0; i < scopes.Length; i++)
        {
            scopes[i] = new InstrumentationScope(reader.Text(), reader.String());
        }

        var baseTime = (long)reader.Fixed64();
        var count = (int)reader.Varint();
        var records = new List<LogData>(count);
        for (var i = 0; i < count; i++)
        {
            var resource = resources[(int)reader.Varint()];
            var scope = scopes[(int)reader.Varint()];
            var time = reader.Signed();
            var observed = reader.Signed();
            records.Add(new LogData
            {
                Resource = resource,
                Scope = scope,
                TimeUnixNano = time < 0 ? 0 : baseTime + time,
                ObservedTimeUnixNano = observed < 0 ? 0 : baseTime + observed,
                SeverityNumber = (int)reader.Varint(),
                SeverityText = reader.String(),
                Body = reader.Text(),
                Attributes = reader.Attributes(),
                TraceId = new TraceId(reader.Fixed64(), reader.Fixed64()),
                SpanId = new SpanId(reader.Fixed64()),
                Flags = (uint)reader.Varint(),
                EventName = reader.String(),
            });
        }

        return records;
    }
}
