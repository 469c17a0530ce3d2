namespace ModelDsl.Tests.Kernels;

// Tiny models whose only purpose is to make the generator emit one kernel class per (d_state, global
// selection mode) that the ILGPU tests cover: d_state ∈ {1, 4, 16, 64} × {plain, GateDelta, AddToInput}.

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 1)]
internal partial class IlgpuScanN1Model;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 1)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.GateDelta)]
internal partial class IlgpuScanN1GateDeltaModel;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 1)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.AddToInput)]
internal partial class IlgpuScanN1AddToInputModel;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 4)]
internal partial class IlgpuScanN4Model;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 4)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.GateDelta)]
internal partial class IlgpuScanN4GateDeltaModel;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 4)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.AddToInput)]
internal partial class IlgpuScanN4AddToInputModel;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 16)]
internal partial class IlgpuScanN16Model;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 16)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.GateDelta)]
internal partial class IlgpuScanN16GateDeltaModel;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 16)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.AddToInput)]
internal partial class IlgpuScanN16AddToInputModel;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 64)]
internal partial class IlgpuScanN64Model;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 64)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.GateDelta)]
internal partial class IlgpuScanN64GateDeltaModel;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 64)]
[GlobalSelection(KernelSize = 4, Variant = GlobalSelectionVariant.AddToInput)]
internal partial class IlgpuScanN64AddToInputModel;
