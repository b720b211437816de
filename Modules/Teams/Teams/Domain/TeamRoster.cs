using Emergency.BuildingBlocks.Clock;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Teams.Contracts;
using Emergency.Teams.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Teams.Domain;

/// <summary>A refusal to show beside a field (<see cref="Field"/> is the input's property name; empty: the whole form).</summary>
internal sealed record FieldError(string Field, string Message);

/// <summary>A team as the form gives it.</summary>
internal sealed class TeamDraft
{
    public TeamKind Kind { get; set; }

    /// <summary>The owner unit's key (<see cref="UnitInfo.Key"/>, e.g. township:3).</summary>
    public string? OwnerKey { get; set; }

    public string? Name { get; set; }

    public string? Organization { get; set; }

    public string? LeaderName { get; set; }

    public string? LeaderMobile { get; set; }

    public string? ServiceArea { get; set; }

    public string? Tasks { get; set; }

    public string? ResponseProcedure { get; set; }

    public TeamStatus Status { get; set; }

    /// <summary>驻地坐标 (optional, within China).</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}

/// <summary>A member as the form (or a row of an import) gives it.</summary>
internal sealed class MemberDraft
{
    public string? Name { get; set; }

    public string? IdCardNumber { get; set; }

    public string? Mobile { get; set; }

    public MemberSource Source { get; set; }

    public string? Skills { get; set; }

    public DateOnly? JoinedOn { get; set; }

    public InsuranceKind Insurance { get; set; }

    public DateOnly? InsuredUntil { get; set; }

    public bool Trained { get; set; }

    public DateOnly? TrainedOn { get; set; }

    public string? TrainedHow { get; set; }
}

/// <summary>What a change came to: the refusals (nothing written) or the warnings of a write that was done.</summary>
internal sealed record RosterResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Errors.Count == 0;

    public static RosterResult Refused(IReadOnlyList<FieldError> errors) => new(errors, []);
}

/// <summary>
/// The rules of a team and its roster: registering and updating a team, adding and updating members (the same
/// person twice in one team is refused; the same person active in another team of the same township is warned
/// about), a member leaving with a reason, marking a member trained. Every change recounts the team's active
/// and trained members and, when they changed, publishes <see cref="TeamStrengthChanged"/> with the save.
/// </summary>
internal sealed class TeamRoster(TeamsDbContext db, TeamMinimums minimums, TimeProvider clock)
{
    /// <summary>The team with all its members (tracked), or null.</summary>
    public Task<RescueTeam?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    public async Task<(RescueTeam? Team, RosterResult Result)> RegisterAsync(TeamDraft draft, UnitInfo owner, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(owner);
        var errors = await CheckAsync(draft, null, cancellationToken);
        if (errors.Count > 0)
        {
            return (null, RosterResult.Refused(errors));
        }

        var team = new RescueTeam { CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = by };
        Apply(team, draft, owner);
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return (team, new RosterResult([], []));
    }

    public async Task<RosterResult> UpdateAsync(RescueTeam team, TeamDraft draft, UnitInfo owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(owner);
        var errors = await CheckAsync(draft, team.Id, cancellationToken);
        if (errors.Count > 0)
        {
            return RosterResult.Refused(errors);
        }

        var before = (team.Kind, team.Status);
        Apply(team, draft, owner);
        if (before != (team.Kind, team.Status))
        {
            // The minimum (kind) or whether it applies (status) changed: readers of the strength are told.
            await PublishStrengthAsync(team, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RosterResult([], []);
    }

    public async Task<(TeamMember? Member, RosterResult Result)> AddMemberAsync(RescueTeam team, MemberDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(draft);
        var errors = CheckMember(team, draft, null);
        if (errors.Count > 0)
        {
            return (null, RosterResult.Refused(errors));
        }

        var member = NewMember(draft);
        team.Members.Add(member);
        var warnings = await OtherTeamsAsync(team, [member.IdCardNumber], cancellationToken);
        await RecountAsync(team, cancellationToken);
        PublishJoined(team, member);
        await db.SaveChangesAsync(cancellationToken);
        return (member, new RosterResult([], warnings.Select(w => Warning(member.Name, w.Value)).ToList()));
    }

    /// <summary>Adds many members in one save (an import): all or nothing, checked together (no one twice in the file).</summary>
    public async Task<RosterResult> AddMembersAsync(RescueTeam team, IReadOnlyList<MemberDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(drafts);
        var errors = new List<FieldError>();
        var members = new List<TeamMember>();
        foreach (var draft in drafts)
        {
            var rowErrors = CheckMember(team, draft, null, members);
            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                members.Add(NewMember(draft));
            }
        }

        if (errors.Count > 0 || members.Count == 0)
        {
            return RosterResult.Refused(errors.Count > 0 ? errors : [new FieldError("", "没有可导入的队员")]);
        }

        team.Members.AddRange(members);
        var others = await OtherTeamsAsync(team, members.Select(m => m.IdCardNumber).ToList(), cancellationToken);
        await RecountAsync(team, cancellationToken);
        foreach (var member in members)
        {
            PublishJoined(team, member);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RosterResult([], members.Where(m => others.ContainsKey(m.IdCardNumber)).Select(m => Warning(m.Name, others[m.IdCardNumber])).ToList());
    }

    public async Task<RosterResult> UpdateMemberAsync(RescueTeam team, TeamMember member, MemberDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(draft);
        var errors = CheckMember(team, draft, member);
        if (errors.Count > 0)
        {
            return RosterResult.Refused(errors);
        }

        var published = (member.Name, member.IdCardNumber, member.Mobile);
        Fill(member, draft);
        var warnings = member.IsActive ? await OtherTeamsAsync(team, [member.IdCardNumber], cancellationToken) : [];
        await RecountAsync(team, cancellationToken);
        if (published != (member.Name, member.IdCardNumber, member.Mobile))
        {
            // Name, mobile or ID card changed: readers of the member (Training's known people) are told.
            db.PublishAfterSave(() => new TeamMemberUpdated
            {
                TeamId = team.Id, TeamName = team.Name, Kind = team.Kind, TownshipId = team.TownshipId, VillageId = team.VillageId,
                DepartmentId = team.DepartmentId, MemberId = member.Id, Name = member.Name, IdCard = member.IdCardNumber,
                Mobile = member.Mobile, Source = SourceLabel(member.Source), Active = member.IsActive,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RosterResult([], warnings.Select(w => Warning(member.Name, w.Value)).ToList());
    }

    /// <summary>The member leaves the team (离队) on a date with a reason; the team is recounted.</summary>
    public async Task<RosterResult> LeaveAsync(RescueTeam team, TeamMember member, DateOnly? on, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(member);
        var errors = new List<FieldError>();
        var today = Today();
        if (!member.IsActive)
        {
            errors.Add(new FieldError("", $"{member.Name}已于 {member.LeftOn:yyyy-MM-dd} 离队"));
        }

        if (on is not { } date)
        {
            errors.Add(new FieldError("LeftOn", "请填写离队日期"));
        }
        else if (date > today)
        {
            errors.Add(new FieldError("LeftOn", "离队日期不能晚于今天"));
        }
        else if (date < member.JoinedOn)
        {
            errors.Add(new FieldError("LeftOn", "离队日期不能早于入队日期"));
        }

        var why = (reason ?? "").Trim();
        if (why.Length == 0)
        {
            errors.Add(new FieldError("LeftReason", "请填写离队原因"));
        }
        else if (why.Length > 500)
        {
            errors.Add(new FieldError("LeftReason", "离队原因不能超过 500 个字"));
        }

        if (errors.Count > 0)
        {
            return RosterResult.Refused(errors);
        }

        member.LeftOn = on;
        member.LeftReason = why;
        await RecountAsync(team, cancellationToken);
        db.Publish(new TeamMemberLeft
        {
            TeamId = team.Id, TeamName = team.Name, Kind = team.Kind, TownshipId = team.TownshipId, VillageId = team.VillageId,
            DepartmentId = team.DepartmentId, MemberId = member.Id, Name = member.Name, IdCard = member.IdCardNumber,
            Mobile = member.Mobile, Source = SourceLabel(member.Source),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new RosterResult([], []);
    }

    /// <summary>Marks an active member trained (entered by hand until the Training module reports completed courses).</summary>
    public async Task<RosterResult> MarkTrainedAsync(RescueTeam team, TeamMember member, DateOnly? on, string? how, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(member);
        var errors = new List<FieldError>();
        if (!member.IsActive)
        {
            errors.Add(new FieldError("", $"{member.Name}已离队"));
        }

        if (on is not { } date)
        {
            errors.Add(new FieldError("TrainedOn", "请填写培训日期"));
        }
        else if (date > Today())
        {
            errors.Add(new FieldError("TrainedOn", "培训日期不能晚于今天"));
        }

        var text = (how ?? "").Trim();
        if (text.Length == 0)
        {
            errors.Add(new FieldError("TrainedHow", "请填写培训方式（课程或证书）"));
        }
        else if (text.Length > 200)
        {
            errors.Add(new FieldError("TrainedHow", "培训方式不能超过 200 个字"));
        }

        if (errors.Count > 0)
        {
            return RosterResult.Refused(errors);
        }

        member.Trained = true;
        member.TrainedOn = on;
        member.TrainedHow = text;
        await RecountAsync(team, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new RosterResult([], []);
    }

    /// <summary>
    /// The team's active members who are also active in another team of the same township: ID card → the other
    /// teams' names. Nothing for a team without a township (a department's team).
    /// </summary>
    public async Task<Dictionary<string, string>> OtherTeamsAsync(RescueTeam team, IReadOnlyCollection<string> idCards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(idCards);
        if (team.TownshipId is not { } township || idCards.Count == 0)
        {
            return [];
        }

        var found = await db.Members.AsNoTracking()
            .Where(m => idCards.Contains(m.IdCardNumber) && m.LeftOn == null && m.TeamId != team.Id)
            .Join(db.Teams.Where(t => t.TownshipId == township && t.Status != TeamStatus.Disbanded), m => m.TeamId, t => t.Id, (m, t) => new { m.IdCardNumber, t.Name })
            .ToListAsync(cancellationToken);
        return found.GroupBy(f => f.IdCardNumber).ToDictionary(g => g.Key, g => string.Join("、", g.Select(f => f.Name).Distinct()));
    }

    public static string Warning(string name, string otherTeams) => $"{name}同时在本乡镇的“{otherTeams}”中，请核实是否重复编入";

    /// <summary>The member checks; <paramref name="pending"/> are members being added in the same save (an import).</summary>
    public List<FieldError> CheckMember(RescueTeam team, MemberDraft draft, TeamMember? existing, IReadOnlyList<TeamMember>? pending = null)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();
        var today = Today();
        if (team.Status == TeamStatus.Disbanded)
        {
            errors.Add(new FieldError("", "队伍已停用，不能再编入或修改队员"));
        }

        Text(errors, "Name", draft.Name, "姓名", 50, required: true);
        if (IdCard.Validate(draft.IdCardNumber) is { } idProblem)
        {
            errors.Add(new FieldError("IdCardNumber", idProblem));
        }
        else
        {
            var number = IdCard.Normalize(draft.IdCardNumber);
            if (team.Members.Any(m => m.IsActive && m != existing && m.IdCardNumber == number))
            {
                errors.Add(new FieldError("IdCardNumber", "该身份证号码的队员已在本队伍中，不能重复编入"));
            }
            else if (pending?.Any(m => m.IdCardNumber == number) == true)
            {
                errors.Add(new FieldError("IdCardNumber", "该身份证号码在文件中重复"));
            }
        }

        if (Contact.ValidateMobile(draft.Mobile) is { } mobileProblem)
        {
            errors.Add(new FieldError("Mobile", mobileProblem));
        }

        if (!Enum.IsDefined(draft.Source))
        {
            errors.Add(new FieldError("Source", "请选择队员来源"));
        }

        Text(errors, "Skills", draft.Skills, "技能特长", 500, required: false);
        if (draft.JoinedOn is not { } joined)
        {
            errors.Add(new FieldError("JoinedOn", "请填写入队日期"));
        }
        else if (joined > today)
        {
            errors.Add(new FieldError("JoinedOn", "入队日期不能晚于今天"));
        }

        if (!Enum.IsDefined(draft.Insurance))
        {
            errors.Add(new FieldError("Insurance", "请选择保险类型"));
        }
        else if (draft.Insurance != InsuranceKind.None && draft.InsuredUntil is null)
        {
            errors.Add(new FieldError("InsuredUntil", "请填写保险有效期"));
        }

        if (draft.Trained)
        {
            if (draft.TrainedOn is not { } trained)
            {
                errors.Add(new FieldError("TrainedOn", "已培训的队员请填写培训日期"));
            }
            else if (trained > today)
            {
                errors.Add(new FieldError("TrainedOn", "培训日期不能晚于今天"));
            }

            Text(errors, "TrainedHow", draft.TrainedHow, "培训方式", 200, required: true);
        }

        return errors;
    }

    private async Task<List<FieldError>> CheckAsync(TeamDraft draft, int? id, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(draft.Kind))
        {
            errors.Add(new FieldError("Kind", "请选择队伍类别"));
        }

        if (!Enum.IsDefined(draft.Status))
        {
            errors.Add(new FieldError("Status", "请选择队伍状态"));
        }

        if (Text(errors, "Name", draft.Name, "队伍名称", 100, required: true) is { } name &&
            await db.Teams.AnyAsync(t => t.Name == name && t.Id != (id ?? 0), cancellationToken))
        {
            errors.Add(new FieldError("Name", "本县已有同名的救援队伍"));
        }

        Text(errors, "Organization", draft.Organization, "所属企业或组织", 100, required: draft.Kind is TeamKind.Enterprise or TeamKind.Volunteer);
        Text(errors, "LeaderName", draft.LeaderName, "队长姓名", 50, required: true);
        if (Contact.ValidateMobile(draft.LeaderMobile) is { } mobileProblem)
        {
            errors.Add(new FieldError("LeaderMobile", "队长" + mobileProblem));
        }

        Text(errors, "ServiceArea", draft.ServiceArea, "救援区域", 500, required: true);
        Text(errors, "Tasks", draft.Tasks, "救援任务", 2000, required: true);
        if (draft.Status == TeamStatus.Active && string.IsNullOrWhiteSpace(draft.ResponseProcedure))
        {
            errors.Add(new FieldError("ResponseProcedure", "在编队伍须写明响应程序"));
        }
        else
        {
            Text(errors, "ResponseProcedure", draft.ResponseProcedure, "响应程序", 4000, required: false);
        }

        Coordinates.Check(errors, draft.Latitude, draft.Longitude);
        return errors;
    }

    /// <summary>Trims a text field and checks it; returns the trimmed text when it passes.</summary>
    private static string? Text(List<FieldError> errors, string field, string? value, string label, int max, bool required)
    {
        var text = (value ?? "").Trim();
        if (required && text.Length == 0)
        {
            errors.Add(new FieldError(field, $"请填写{label}"));
            return null;
        }

        if (text.Length > max)
        {
            errors.Add(new FieldError(field, $"{label}不能超过 {max} 个字"));
            return null;
        }

        return text;
    }

    private static void Apply(RescueTeam team, TeamDraft draft, UnitInfo owner)
    {
        team.Kind = draft.Kind;
        team.Status = draft.Status;
        team.TownshipId = owner.Kind switch
        {
            UnitKind.Township => owner.Id,
            UnitKind.Village => owner.ParentId,
            _ => null,
        };
        team.VillageId = owner.Kind == UnitKind.Village ? owner.Id : null;
        team.DepartmentId = owner.Kind == UnitKind.Department ? owner.Id : null;
        team.OwnerName = owner.Name;
        team.Name = (draft.Name ?? "").Trim();
        team.Organization = (draft.Organization ?? "").Trim();
        team.LeaderName = (draft.LeaderName ?? "").Trim();
        team.LeaderMobile = (draft.LeaderMobile ?? "").Trim();
        team.ServiceArea = (draft.ServiceArea ?? "").Trim();
        team.Tasks = (draft.Tasks ?? "").Trim();
        team.ResponseProcedure = (draft.ResponseProcedure ?? "").Trim();
        team.Latitude = Coordinates.Round(draft.Latitude);
        team.Longitude = Coordinates.Round(draft.Longitude);
    }

    private TeamMember NewMember(MemberDraft draft)
    {
        var member = new TeamMember { CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        Fill(member, draft);
        return member;
    }

    private static void Fill(TeamMember member, MemberDraft draft)
    {
        member.Name = (draft.Name ?? "").Trim();
        member.IdCardNumber = IdCard.Normalize(draft.IdCardNumber);
        member.Mobile = (draft.Mobile ?? "").Trim();
        member.Source = draft.Source;
        member.Skills = (draft.Skills ?? "").Trim();
        member.JoinedOn = draft.JoinedOn!.Value;
        member.Insurance = draft.Insurance;
        member.InsuredUntil = draft.Insurance == InsuranceKind.None ? null : draft.InsuredUntil;
        member.Trained = draft.Trained;
        member.TrainedOn = draft.Trained ? draft.TrainedOn : null;
        member.TrainedHow = draft.Trained ? (draft.TrainedHow ?? "").Trim() : "";
    }

    /// <summary>Recounts the team from its members; when the strength changed, the event goes out with the save.</summary>
    private async Task RecountAsync(RescueTeam team, CancellationToken cancellationToken)
    {
        var active = team.Members.Count(m => m.IsActive);
        var trained = team.Members.Count(m => m.IsActive && m.Trained);
        if (active == team.ActiveMembers && trained == team.TrainedMembers)
        {
            return;
        }

        team.ActiveMembers = active;
        team.TrainedMembers = trained;
        await PublishStrengthAsync(team, cancellationToken);
    }

    private async Task PublishStrengthAsync(RescueTeam team, CancellationToken cancellationToken)
    {
        var sizes = await minimums.GetAsync(cancellationToken);
        var minimum = team.Status == TeamStatus.Disbanded ? null : sizes.For(team.Kind);
        db.PublishAfterSave(() => new TeamStrengthChanged
        {
            TeamId = team.Id,
            Kind = team.Kind,
            TeamName = team.Name,
            TownshipId = team.TownshipId,
            VillageId = team.VillageId,
            DepartmentId = team.DepartmentId,
            ActiveMembers = team.ActiveMembers,
            TrainedMembers = team.TrainedMembers,
            Minimum = minimum,
            MeetsMinimum = minimum is null || team.ActiveMembers >= minimum,
        });
    }

    /// <summary>A new member is announced (<see cref="TeamMemberJoined"/>) once the save gave it its id.</summary>
    private void PublishJoined(RescueTeam team, TeamMember member) =>
        db.PublishAfterSave(() => new TeamMemberJoined
        {
            TeamId = team.Id, TeamName = team.Name, Kind = team.Kind, TownshipId = team.TownshipId, VillageId = team.VillageId,
            DepartmentId = team.DepartmentId, MemberId = member.Id, Name = member.Name, IdCard = member.IdCardNumber,
            Mobile = member.Mobile, Source = SourceLabel(member.Source),
        });

    /// <summary>The Chinese label of a member's source, as other modules read it.</summary>
    public static string SourceLabel(MemberSource source) => source switch
    {
        MemberSource.Police => "公安",
        MemberSource.Medical => "医务",
        MemberSource.Militia => "民兵",
        MemberSource.Reserve => "预备役",
        MemberSource.ForestFire => "森林消防",
        MemberSource.FireStation => "消防站",
        MemberSource.Property => "物业",
        MemberSource.Enterprise => "企事业",
        MemberSource.Volunteer => "志愿者",
        MemberSource.GridMember => "网格员",
        _ => "其他",
    };

    private DateOnly Today() => DateOnly.FromDateTime(ChinaTime.Now(clock));
}
