using ModelDsl;

namespace ModelDsl.Ablate.Architectures;

// Default preset: small enough for a CPU. The vocabulary covers the token ids of the published n-gram data (up to 20019).

/// <summary>Plain Mamba, 2 layers, d_model 64, d_state 16.</summary>
[MambaModel(VocabSize = 20480, DModel = 64, Layers = 2)]
[MambaMixer(DState = 16)]
public partial class Mamba2L;

/// <summary><see cref="Mamba2L"/> with global selection (a 128-tap long convolution gating Δ) in every layer.</summary>
[VariantOf(typeof(Mamba2L))]
[GlobalSelection(KernelSize = 128)]
public partial class Mamba2LGlobalSelection;

// Paper preset: the "tiny" configuration in the public code of You et al. (2024), "Revealing and Mitigating the Local Pattern Shortcuts of Mamba" (8 layers, d_model 256, E = 512, dt_rank 32).

/// <summary>Plain Mamba, 8 layers, d_model 256, d_state 16, dt_rank 32.</summary>
[MambaModel(VocabSize = 20480, DModel = 256, Layers = 8)]
[MambaMixer(DState = 16, DtRank = 32)]
public partial class MambaTiny;

/// <summary><see cref="MambaTiny"/> with global selection (kernel 128) in every layer.</summary>
[VariantOf(typeof(MambaTiny))]
[GlobalSelection(KernelSize = 128)]
public partial class MambaTinyGlobalSelection;
