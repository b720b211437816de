using System.Globalization;
using Emergency.BuildingBlocks.Notices;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;

namespace Emergency.Experts.Domain;

/// <summary>
/// The one code path by which an expert leaves the pool (自愿退出, 取消资格 once the bureau confirmed it through
/// <see cref="DisqualificationReviews"/>, 解聘, 聘期届满), and by which participations are counted.
/// Leaving revokes the certificate (a non-active status is a revoked certificate), tells the employer and
/// publishes <see cref="ExpertExited"/> (and <see cref="ExpertDisqualified"/>) in the caller's SaveChanges.
/// </summary>
internal sealed class ExpertStatusChanges(ExpertsDbContext db, ICountyContext county, ExpertNotices notices, TimeProvider clock)
{
    public static string AbsencesReason(int count) => string.Create(CultureInfo.InvariantCulture, $"连续 {count} 次无故缺席专家活动");

    /// <summary>Ends the expert's membership; does nothing when the expert already left. The caller saves.</summary>
    public bool End(Expert expert, ExpertExitKind kind, string reason)
    {
        ArgumentNullException.ThrowIfNull(expert);
        if (expert.Status != ExpertStatus.Active)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        expert.Status = kind switch
        {
            ExpertExitKind.Voluntary => ExpertStatus.Exited,
            ExpertExitKind.Disqualified => ExpertStatus.Disqualified,
            ExpertExitKind.Dismissed => ExpertStatus.Dismissed,
            _ => ExpertStatus.Expired,
        };
        expert.StatusReason = reason;
        expert.StatusChangedAtUtc = now;
        if (kind == ExpertExitKind.Disqualified)
        {
            db.Publish(new ExpertDisqualified { County = county.Required, OccurredAtUtc = now, ExpertId = expert.Id, Name = expert.Name, Reason = reason });
        }

        db.Publish(new ExpertExited { County = county.Required, OccurredAtUtc = now, ExpertId = expert.Id, Name = expert.Name, Kind = kind, Reason = reason });
        if (!string.IsNullOrWhiteSpace(expert.EmployerEmail))
        {
            db.Notify(notices.StatusChangeToEmployer(expert, kind, reason, now));
        }

        return true;
    }

    /// <summary>One participation (a dispatch accepted, a meeting attended) on the expert's record, counted once.</summary>
    public void Participated(
        Expert expert, ParticipationKind kind, int referenceId, string title, DateTime atUtc, int departmentId, string departmentName, bool classified)
    {
        ArgumentNullException.ThrowIfNull(expert);
        db.Participations.Add(new Participation
        {
            ExpertId = expert.Id,
            Kind = kind,
            ReferenceId = referenceId,
            Title = title,
            AtUtc = atUtc,
            DepartmentId = departmentId,
            DepartmentName = departmentName,
            Classified = classified,
        });
        expert.ParticipationCount++;
    }
}
