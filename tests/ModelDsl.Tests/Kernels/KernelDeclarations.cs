// Tiny model declarations whose only purpose is to make the generator emit the scan kernels that
// the kernel tests need: every d_state of the test grid, each with the three global selection modes.
namespace ModelDsl.Tests.Kernels;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 1)]
internal sealed partial class ScanN1;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 1)]
[GlobalSelection(Variant = GlobalSelectionVariant.GateDelta)]
internal sealed partial class ScanN1GateDelta;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 1)]
[GlobalSelection(Variant = GlobalSelectionVariant.AddToInput)]
internal sealed partial class ScanN1AddToInput;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 4)]
internal sealed partial class ScanN4;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 4)]
[GlobalSelection(Variant = GlobalSelectionVariant.GateDelta)]
internal sealed partial class ScanN4GateDelta;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 4)]
[GlobalSelection(Variant = GlobalSelectionVariant.AddToInput)]
internal sealed partial class ScanN4AddToInput;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 16)]
internal sealed partial class ScanN16;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 16)]
[GlobalSelection(Variant = GlobalSelectionVariant.GateDelta)]
internal sealed partial class ScanN16GateDelta;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 16)]
[GlobalSelection(Variant = GlobalSelectionVariant.AddToInput)]
internal sealed partial class ScanN16AddToInput;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 64)]
internal sealed partial class ScanN64;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 64)]
[GlobalSelection(Variant = GlobalSelectionVariant.GateDelta)]
internal sealed partial class ScanN64GateDelta;

[MambaModel(VocabSize = 16, DModel = 8, Layers = 1)]
[MambaMixer(DState = 64)]
[GlobalSelection(Variant = GlobalSelectionVariant.AddToInput)]
internal sealed partial class ScanN64AddToInput;
