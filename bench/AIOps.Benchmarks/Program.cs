using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/AIOps.Benchmarks -- --filter '*'` runs them all; see bench/README.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
