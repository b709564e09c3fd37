namespace AIOps.Collector.Storage.Chunks;

/// <summary>Reads bits written by <see cref="BitWriter"/>.</summary>
internal ref struct BitReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private long _bits;

    public bool ReadBit()
    {
        var index = (int)(_bits >> 3);
        if (index >= _data.Length)
        {
            throw new StoreException("corrupt chunk: read past its end");
        }

        var bit = (_data[index] & (0x80 >> (int)(_bits & 7))) != 0;
        _bits++;
        return bit;
    }

    public ulong Read(int count)
    {
        ulong value = 0;
        for (var i = 0; i < count; i++)
        {
            value = (value << 1) | (ReadBit() ? 1UL : 0);
        }

        return value;
    }
}
