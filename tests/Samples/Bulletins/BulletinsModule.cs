using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Modules;
using Emergency.BuildingBlocks.Persistence;
using Emergency.Samples.Bulletins.Data;

namespace Emergency.Samples.Bulletins;

/// <summary>
/// A sample module that exists only to prove the platform mechanisms end to end:
/// it issues bulletins and publishes <c>BulletinIssued</c> through its outbox.
/// </summary>
public sealed class BulletinsModule : ModuleDefinition
{
    public override string Name => "bulletins";

    public override string DisplayName => "通知公告";

    public override string DisplayNameEn => "Bulletins";

    public override ModuleStore Store { get; } = ModuleStore.For<BulletinsDbContext>();

    public override IEnumerable<NavigationEntry> Navigation => [new("通知公告", "Bulletins", "/Index", 10)];

    internal const string Issue = "bulletins.issue";

    public override IEnumerable<Permission> Permissions => [new(Issue, "发布通知", [Post.CountyAdmin, Post.EmergencyBureau])];

    /// <summary>The demo county starts with one bulletin to acknowledge (and so one acknowledgement due).</summary>
    public override async Task SeedDemoAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var db = context.OpenStore<BulletinsDbContext>();
        var now = context.Clock.GetUtcNow().UtcDateTime;
        Issuing.Issue(db, new Bulletin
        {
            Title = "演示通知：汛前隐患排查",
            ContactEmail = "duty@qingshan.gov.cn",
            IssuedAtUtc = now,
            AcknowledgeByUtc = now.AddDays(2),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
