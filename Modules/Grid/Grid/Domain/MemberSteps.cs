using Emergency.Grid.Contracts;
using Emergency.Grid.Data;

namespace Emergency.Grid.Domain;

/// <summary>A grid member's changes, each written to <see cref="MemberHistory"/> in the same commit (who, when, what, why).</summary>
internal static class MemberSteps
{
    public const string Added = "新增";
    public const string Edited = "修改";
    public const string Deactivated = "停用";
    public const string Reactivated = "启用";
    public const string AccountOpened = "开通账号";

    /// <summary>停用: the member no longer reports hazards, records patrols nor appears on the 明白卡; the record and its history stay.</summary>
    public static string? Deactivate(GridDbContext db, GridMember member, string by, string? reason, DateTime nowUtc, string gridName = "")
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!member.Active)
        {
            return "该网格员已停用";
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return "请填写停用原因";
        }

        member.Active = false;
        Record(db, member, by, Deactivated, reason.Trim(), nowUtc);
        ArgumentNullException.ThrowIfNull(db);
        db.Publish(new GridMemberDeactivated
        {
            MemberId = member.Id, Name = member.Name, Mobile = member.Mobile, TownshipId = member.TownshipId, VillageId = member.VillageId, GridName = gridName,
        });
        return null;
    }

    /// <summary>启用: the member reports and patrols again.</summary>
    public static string? Reactivate(GridDbContext db, GridMember member, string by, string? reason, DateTime nowUtc, string gridName = "")
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Active)
        {
            return "该网格员未停用";
        }

        member.Active = true;
        Record(db, member, by, Reactivated, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), nowUtc);
        ArgumentNullException.ThrowIfNull(db);
        db.Publish(new GridMemberReactivated
        {
            MemberId = member.Id, Name = member.Name, Mobile = member.Mobile, TownshipId = member.TownshipId, VillageId = member.VillageId, GridName = gridName,
        });
        return null;
    }

    /// <summary>
    /// An active member added or edited (grids, name, mobile) is announced as <see cref="GridMemberAssigned"/> once the
    /// save gave a new member its id, so other modules (Training's known people) keep their copy current.
    /// </summary>
    public static void Assigned(GridDbContext db, GridMember member, string gridName)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(member);
        if (!member.Active)
        {
            return;
        }

        db.PublishAfterSave(() => new GridMemberAssigned
        {
            MemberId = member.Id, Name = member.Name, Mobile = member.Mobile, TownshipId = member.TownshipId, VillageId = member.VillageId, GridName = gridName,
        });
    }

    /// <summary>A history line; a new member's id is set once the member is saved (the navigation-free key is fixed up by EF).</summary>
    public static void Record(GridDbContext db, GridMember member, string by, string action, string? reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(member);
        var line = new MemberHistory { By = by, Action = action, Reason = reason, AtUtc = nowUtc };
        if (member.Id == 0)
        {
            member.History.Add(line);
        }
        else
        {
            line.MemberId = member.Id;
            db.MemberHistory.Add(line);
        }
    }
}
