using System.IO.Compression;

namespace Pane.Host.Tests.DiskImages.Ext4;

/// <summary>
/// e2fsprogs' own test suite as bad input: some 200 deliberately damaged images (tests/*/image.gz of its source
/// package), fetched by tests/fixtures/fetch-e2fsprogs-images.sh. Each must read, or fail only with an
/// ImageFormatException naming the structure.
/// </summary>
public sealed class Ext4FileSystemE2fsprogsImageTests
{
    private const string Missing = "(fixture folder missing)";

    private static readonly string s_folder =
        Path.Combine(Ext4Fixtures.RepositoryRoot, "tests", "fixtures", "e2fsprogs-images");

    public static TheoryData<string> Images
    {
        get
        {
            if (!Directory.Exists(s_folder))
            {
                return [Missing];
            }

            return [.. Directory.GetFiles(s_folder, "*.img.gz").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Reads_the_image_or_names_the_damaged_structure(string image)
    {
        // Given
        Assert.True(image != Missing,
            $"The e2fsprogs test images are missing from {s_folder}: run tests/fixtures/fetch-e2fsprogs-images.sh first.");
        var bytes = Decompress(Path.Combine(s_folder, image));

        // When / Then: any exception but ImageFormatException, a message naming no structure, or a hang fails here.
        Ext4HostileReader.ReadEverything(bytes, image);
    }

    [Fact]
    public void The_fixture_folder_holds_the_whole_suite()
    {
        // Then
        Assert.True(Directory.Exists(s_folder),
            $"The e2fsprogs test images are missing from {s_folder}: run tests/fixtures/fetch-e2fsprogs-images.sh first.");
        Assert.True(Directory.GetFiles(s_folder, "*.img.gz").Length >= 150,
            $"Fewer than 150 images in {s_folder}: run tests/fixtures/fetch-e2fsprogs-images.sh again.");
    }

    private static byte[] Decompress(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
