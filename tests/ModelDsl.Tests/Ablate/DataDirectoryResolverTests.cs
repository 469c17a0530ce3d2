using ModelDsl.Ablate.Running;
using ModelDsl.Tasks;

namespace ModelDsl.Tests.Ablate;

public sealed class DataDirectoryResolverTests
{
    [Fact]
    public void SearchFindsExampleDataInParent()
    {
        using var harness = new CommandHarness();
        var data = Directory.CreateDirectory(Path.Combine(harness.Folder, "examples", "data", "paper-mqar")).FullName;
        var nested = Directory.CreateDirectory(Path.Combine(harness.Folder, "src", "deep")).FullName;

        Assert.Equal(data, DataDirectoryResolver.Resolve(null, nested, nested));
    }

    [Fact]
    public void RootDataFolderComesFirst()
    {
        using var harness = new CommandHarness();
        var root = Directory.CreateDirectory(Path.Combine(harness.Folder, "data", "paper-mqar")).FullName;
        Directory.CreateDirectory(Path.Combine(harness.Folder, "examples", "data", "paper-mqar"));

        Assert.Equal(root, DataDirectoryResolver.Resolve(null, harness.Folder, harness.Folder));
    }

    [Fact]
    public void ExplicitFolderIsRelativeToCurrent()
    {
        using var harness = new CommandHarness();
        var data = Directory.CreateDirectory(Path.Combine(harness.Folder, "mine")).FullName;

        Assert.Equal(data, DataDirectoryResolver.Resolve("mine", harness.Folder, harness.Folder));
        var exception = Assert.Throws<RecallDataException>(() => DataDirectoryResolver.Resolve("absent", harness.Folder, harness.Folder));
        Assert.Contains("data folder not found", exception.Message);
    }
}
