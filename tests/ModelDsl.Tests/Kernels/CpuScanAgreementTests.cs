using ModelDsl.Kernels.Cpu;

namespace ModelDsl.Tests.Kernels;

public sealed class CpuScanAgreementTests
{
    [Theory]
    [MemberData(nameof(ScanCase.GridData), MemberType = typeof(ScanCase))]
    public void CpuScan_MatchesReference(ScanCase scanCase)
        => ScanAgreement.AssertMatchesReference(new CpuScanBackend(), scanCase);
}
