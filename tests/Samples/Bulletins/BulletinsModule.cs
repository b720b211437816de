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

    public override ModuleStore Store { get; } = ModuleStore.For<BulletinsDbContext>(o => new BulletinsDbContext(o));

    public override IEnumerable<NavigationEntry> Navigation => [new("通知公告", "Bulletins", "/Index", 10)];

    public override IEnumerable<Permission> Permissions => [new("bulletins.issue", "发布通知", [Emergency.BuildingBlocks.Access.Post.CountyAdmin, Emergency.BuildingBlocks.Access.Post.EmergencyBureau])];
}
