namespace ModelDsl.Benchmarks;

/// <summary>
/// Copy of <c>Mamba2L</c>, the default model of the ablate command (examples/ModelDsl.Ablate/Architectures/DeclaredModels.cs):
/// 2 layers, d_model 64, d_state 16, E = 128, dt_rank 4 and a tied LM head over 20,480 token ids.
/// </summary>
[MambaModel(VocabSize = 20480, DModel = 64, Layers = 2)]
[MambaMixer(DState = 16)]
public partial class Mamba2L;
