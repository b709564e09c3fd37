namespace AIOps.Travel.Storage;

/// <summary>A SQLite call failed; <see cref="ResultCode"/> is SQLite's own code.</summary>
public sealed class SqliteException : Exception
{
    public SqliteException()
    {
    }

    public SqliteException(string message)
        : base(message)
    {
    }

    public SqliteException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SqliteException(string message, int resultCode)
        : base(message) => ResultCode = resultCode;

    public int ResultCode { get; }
}
