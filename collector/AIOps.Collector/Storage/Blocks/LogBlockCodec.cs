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
        var table = new ResourceScopeTable();
        var baseTime = long.MaxValue;
        foreach (var record in records)
        {
            table.Add(record.Resource, record.Scope);
            baseTime = Math.Min(baseTime, record.EffectiveTimeUnixNano);
        }

        table.Write(writer);
        writer.Fixed64((ulong)baseTime);
        writer.Varint((ulong)records.Count);
        foreach (var record in records)
        {
            table.WriteIndexes(writer, record.Resource, record.Scope);
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

        var (resources, scopes) = ResourceScopeTable.Read(reader);

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
