using AIOps.Collector.Model;
using AIOps.Collector.Storage;

namespace AIOps.Collector.Ingestion;

/// <summary>A trace batch with its blocks already encoded for the store.</summary>
internal sealed record PreparedTraces(TraceBatch Batch, IReadOnlyList<PreparedBlock> Blocks);
