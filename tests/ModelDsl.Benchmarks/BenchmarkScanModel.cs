namespace ModelDsl.Benchmarks;

// Makes the generator emit SelectiveScanN16, the kernel that the benchmarks run.
[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 16)]
internal sealed partial class BenchmarkScanModel;
