using System.Text.Json;
using System.Text.Json.Serialization;
using AIOps.Collector.Storage.Sqlite;

namespace AIOps.Analyzer.Incidents;

/// <summary>
/// Incidents on disk: one SQLite file (WAL, fsync at commit), one row per incident holding its JSON, written
/// whenever the incident changes, so that the list survives restarts and crashes. Safe from any thread.
/// </summary>
public sealed class IncidentStore : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private readonly SqliteDb _db;
    private readonly Lock _gate = new();

    public IncidentStore(string path)
    {
        _db = SqliteDb.Open(path);
        _db.Execute("""
            CREATE TABLE IF NOT EXISTS incidents (
                id TEXT PRIMARY KEY,
                opened_ms INTEGER NOT NULL,
                status TEXT NOT NULL,
                doc TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS incidents_opened ON incidents (opened_ms);
            """);
    }

    public void Save(IReadOnlyList<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (incidents.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _db.BeginImmediate();
            try
            {
                foreach (var incident in incidents)
                {
                    _db.Prepare("INSERT OR REPLACE INTO incidents (id, opened_ms, status, doc) VALUES (?1, ?2, ?3, ?4)")
                        .Bind(1, incident.Id)
                        .Bind(2, incident.OpenedAt.ToUnixTimeMilliseconds())
                        .Bind(3, incident.Status.ToString())
                        .Bind(4, JsonSerializer.Serialize(incident, Json))
                        .Run();
                }

                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
        }
    }

    public Incident? Get(string id)
    {
        lock (_gate)
        {
            var statement = _db.Prepare("SELECT doc FROM incidents WHERE id = ?1").Bind(1, id);
            return statement.Step() ? Parse(statement.Text(0)) : null;
        }
    }

    /// <summary>Incidents opened in [from, to), newest first, optionally of one status.</summary>
    public IReadOnlyList<Incident> List(IncidentStatus? status, long fromMs, long toMs, int limit)
    {
        lock (_gate)
        {
            var statement = _db.Prepare("SELECT doc FROM incidents WHERE opened_ms >= ?1 AND opened_ms < ?2 AND (?3 IS NULL OR status = ?3) ORDER BY opened_ms DESC LIMIT ?4")
                .Bind(1, fromMs)
                .Bind(2, toMs)
                .Bind(3, status?.ToString())
                .Bind(4, limit);
            var incidents = new List<Incident>();
            while (statement.Step())
            {
                incidents.Add(Parse(statement.Text(0)));
            }

            return incidents;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _db.Dispose();
        }
    }

    private static Incident Parse(string json) =>
        JsonSerializer.Deserialize<Incident>(json, Json) ?? throw new InvalidDataException("an incident row holds no JSON object");
}
