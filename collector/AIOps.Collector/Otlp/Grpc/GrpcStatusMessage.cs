using System.Text;

namespace AIOps.Collector.Otlp.Grpc;

/// <summary>
/// The grpc-message trailer's encoding (PROTOCOL-HTTP2.md, "Status-Message"): UTF-8, then every byte
/// outside printable ASCII, and '%' itself, as %XX with upper-case hex.
/// </summary>
internal static class GrpcStatusMessage
{
    public static string Encode(string message)
    {
        var utf8 = Encoding.UTF8.GetBytes(message);
        if (Array.TrueForAll(utf8, IsUnreserved))
        {
            return message;
        }

        var text = new StringBuilder(utf8.Length * 3);
        foreach (var b in utf8)
        {
            if (IsUnreserved(b))
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }

        return text.ToString();
    }

    private static bool IsUnreserved(byte b) => b is >= 0x20 and <= 0x7E && b != (byte)'%';

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
