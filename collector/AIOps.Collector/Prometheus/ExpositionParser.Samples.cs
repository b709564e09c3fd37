using System.Globalization;
using System.Text;
using AIOps.Collector.Model;

namespace AIOps.Collector.Prometheus;

public sealed partial class ExpositionParser
{
    /// <summary>name [{label="value",...}] value [timestamp]</summary>
    private void ParseSample(ReadOnlySpan<char> line)
    {
        var nameLength = MetricNameLength(line);
        if (nameLength == 0)
        {
            throw Error($"expected a metric name, found '{line[0]}'");
        }

        var name = Intern(line[..nameLength]);
        var i = SkipBlanks(line, nameLength);
        _labels.Clear();
        if (i < line.Length && line[i] == '{')
        {
            i = SkipBlanks(line, ParseLabels(line, i + 1));
        }
        else if (i == nameLength && i < line.Length)
        {
            throw Error($"invalid character '{line[i]}' after metric name {name}");
        }

        var valueText = Token(line, ref i);
        if (valueText.IsEmpty)
        {
            throw Error($"{name} has no value");
        }

        if (!TryParseValue(valueText, out var value))
        {
            throw Error($"'{valueText}' is not a number");
        }

        var timestamp = _timestampMs;
        var timestampText = Token(line, ref i);
        if (!timestampText.IsEmpty && !long.TryParse(timestampText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out timestamp))
        {
            throw Error($"'{timestampText}' is not a timestamp in milliseconds");
        }

        if (!Token(line, ref i).IsEmpty)
        {
            throw Error($"unexpected text after the sample of {name}");
        }

        CheckFamilyLabels(name);
        AddTargetLabels();
        _samples.Add(new MetricSample(new SeriesKey(name, _labels), timestamp, value));
    }

    /// <summary>Parses label="value" pairs after '{' into <see cref="_labels"/>; returns the index after '}'.</summary>
    private int ParseLabels(ReadOnlySpan<char> line, int i)
    {
        while (true)
        {
            i = SkipBlanks(line, i);
            if (i >= line.Length)
            {
                throw Error("unterminated label set");
            }

            if (line[i] == '}')
            {
                return i + 1;
            }

            var nameLength = LabelNameLength(line[i..]);
            if (nameLength == 0)
            {
                throw Error($"expected a label name at column {i + 1}");
            }

            var labelName = Intern(line.Slice(i, nameLength));
            i = SkipBlanks(line, i + nameLength);
            if (i >= line.Length || line[i] != '=')
            {
                throw Error($"expected '=' after label {labelName}");
            }

            i = SkipBlanks(line, i + 1);
            if (i >= line.Length || line[i] != '"')
            {
                throw Error($"the value of label {labelName} must be quoted");
            }

            var labelValue = ParseQuoted(line, ref i, labelName);
            foreach (var existing in _labels)
            {
                if (existing.Name == labelName)
                {
                    throw Error($"duplicate label {labelName}");
                }
            }

            _labels.Add(new Label(labelName, labelValue));
            i = SkipBlanks(line, i);
            if (i < line.Length && line[i] == ',')
            {
                i++;
            }
            else if (i >= line.Length || line[i] != '}')
            {
                throw Error($"expected ',' or '}}' after label {labelName}");
            }
        }
    }

    /// <summary>A quoted label value starting at line[i] == '"'; escapes are \\, \" and \n.</summary>
    private string ParseQuoted(ReadOnlySpan<char> line, ref int i, string labelName)
    {
        var start = i + 1;
        StringBuilder? unescaped = null;
        for (var j = start; j < line.Length; j++)
        {
            var c = line[j];
            if (c == '"')
            {
                i = j + 1;
                return unescaped?.ToString() ?? Intern(line[start..j]);
            }

            if (c != '\\')
            {
                unescaped?.Append(c);
                continue;
            }

            if (j + 1 >= line.Length)
            {
                break;
            }

            unescaped ??= new StringBuilder().Append(line[start..j]);
            unescaped.Append(line[++j] switch
            {
                '\\' => '\\',
                '"' => '"',
                'n' => '\n',
                var other => throw Error($"invalid escape '\\{other}' in the value of label {labelName}"),
            });
        }

        throw Error($"unterminated value of label {labelName}");
    }

    /// <summary>Histogram buckets need a numeric le label, summary quantiles a numeric quantile label.</summary>
    private void CheckFamilyLabels(string name)
    {
        if (name.EndsWith("_bucket", StringComparison.Ordinal)
            && _families.TryGetValue(name[..^"_bucket".Length], out var histogram) && histogram.Type == MetricType.Histogram)
        {
            CheckNumericLabel(name, "le");
        }
        else if (_families.TryGetValue(name, out var summary) && summary.Type == MetricType.Summary)
        {
            CheckNumericLabel(name, "quantile");
        }
    }

    private void CheckNumericLabel(string name, string label)
    {
        foreach (var existing in _labels)
        {
            if (existing.Name == label)
            {
                if (!TryParseValue(existing.Value, out _))
                {
                    throw Error($"{label}=\"{existing.Value}\" of {name} is not a number");
                }

                return;
            }
        }

        throw Error($"{name} needs a {label} label");
    }

    private void AddTargetLabels()
    {
        if (_targetLabels.Count == 0)
        {
            return;
        }

        for (var i = 0; i < _labels.Count; i++)
        {
            foreach (var target in _targetLabels)
            {
                if (_labels[i].Name == target.Name)
                {
                    _labels[i] = _labels[i] with { Name = Intern("exported_" + target.Name) };
                    break;
                }
            }
        }

        _labels.AddRange(_targetLabels);
    }
}
