using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

public sealed partial class RemoteWriteDecoder
{
    private const string NoName = "a series without a metric name (__name__ label)";

    /// <summary>TimeSeries: labels = 1 (Label: name = 1, value = 2), samples = 2 (Sample: value = 1 double, timestamp = 2 int64).</summary>
    private void ReadTimeSeries(ReadOnlySpan<byte> data, List<MetricSample> samples, ref int rejected, ref string? reason)
    {
        // First pass: where the labels are and how many samples follow. Senders write the repeated label
        // field in one run, so those bytes identify the series; a split run is decoded without the cache.
        int labelsStart = -1, labelsEnd = -1, sampleCount = 0;
        var contiguous = true;
        var reader = new RemoteWriteReader(data);
        while (true)
        {
            var start = reader.Position;
            if (!reader.Next(out var field, out var wire))
            {
                break;
            }

            if (field == 1)
            {
                RemoteWriteReader.Expect(wire, 2, "label");
                reader.ReadBytes();
                contiguous &= labelsStart < 0 || labelsEnd == start;
                labelsStart = labelsStart < 0 ? start : labelsStart;
                labelsEnd = reader.Position;
                continue;
            }

            if (field == 2)
            {
                RemoteWriteReader.Expect(wire, 2, "sample");
                sampleCount++;
            }

            reader.Skip(wire);
        }

        var series = labelsStart < 0 ? null : contiguous ? SeriesFor(data[labelsStart..labelsEnd]) : BuildSeries(data);
        if (series is null)
        {
            rejected += sampleCount;
            reason ??= NoName;
            return;
        }

        if (sampleCount == 0)
        {
            return;
        }

        reader = new RemoteWriteReader(data);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 2)
            {
                samples.Add(ReadSample(series, reader.ReadBytes()));
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private SeriesKey? SeriesFor(ReadOnlySpan<byte> encodedLabels)
    {
        if (_series.TryGet(encodedLabels, out var series))
        {
            return series;
        }

        series = BuildSeries(encodedLabels);
        if (series is not null)
        {
            _series.Add(encodedLabels, series);
        }

        return series;
    }

    /// <summary>The series from the label fields of <paramref name="data"/>; null when it has no name.</summary>
    private SeriesKey? BuildSeries(ReadOnlySpan<byte> data)
    {
        string? name = null;
        var labels = new List<Label>(8);
        var reader = new RemoteWriteReader(data);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1)
            {
                reader.Skip(wire);
                continue;
            }

            var label = new RemoteWriteReader(reader.ReadBytes());
            ReadOnlySpan<byte> labelName = default, labelValue = default;
            while (label.Next(out var labelField, out var labelWire))
            {
                switch (labelField)
                {
                    case 1:
                        RemoteWriteReader.Expect(labelWire, 2, "label name");
                        labelName = label.ReadBytes();
                        break;
                    case 2:
                        RemoteWriteReader.Expect(labelWire, 2, "label value");
                        labelValue = label.ReadBytes();
                        break;
                    default:
                        label.Skip(labelWire);
                        break;
                }
            }

            if (labelName.SequenceEqual("__name__"u8))
            {
                name = _strings.Get(labelValue);
            }
            else if (!labelName.IsEmpty)
            {
                labels.Add(new Label(_strings.Get(labelName), _strings.Get(labelValue)));
            }
        }

        return string.IsNullOrEmpty(name) ? null : new SeriesKey(name, labels);
    }

    private static MetricSample ReadSample(SeriesKey series, ReadOnlySpan<byte> data)
    {
        double value = 0;
        long timestamp = 0;
        var reader = new RemoteWriteReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field)
            {
                case 1:
                    RemoteWriteReader.Expect(wire, 1, "sample value");
                    value = reader.ReadDouble();
                    break;
                case 2:
                    RemoteWriteReader.Expect(wire, 0, "sample timestamp");
                    timestamp = (long)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new MetricSample(series, timestamp, value);
    }
}
