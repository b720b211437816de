using System.Globalization;
using Emergency.BuildingBlocks.Email;
using Emergency.BuildingBlocks.Settings;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Experts.Contracts;
using Emergency.Experts.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Domain;

/// <summary>
/// The one code path by which an expert leaves the pool (自愿退出, 取消资格, 解聘, 聘期届满) and by which
/// attendance feeds the disqualification rule (seed 000: 连续 2 次无故缺席 → 取消资格; 拒绝调用 → 取消资格).
/// Leaving revokes the certificate (a non-active status is a revoked certificate), tells the employer and
/// publishes <see cref="ExpertExited"/> (and <see cref="ExpertDisqualified"/>) in the caller's SaveChanges.
/// </summary>
internal sealed class ExpertStatusChanges(ExpertsDbContext db, ICountyContext county, ICountySettings settings, TimeProvider clock)
{
    public const string RefusedDispatchReason = "拒绝调用且无正当理由";

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
            var what = kind switch
            {
                ExpertExitKind.Voluntary => "经本人申请已退出",
                ExpertExitKind.Disqualified => "已被取消专家资格",
                ExpertExitKind.Dismissed => "已被解聘",
                _ => "聘期已届满未续聘",
            };
            db.Publish(new EmailRequested
            {
                County = county.Required,
                OccurredAtUtc = now,
                Source = ExpertsModule.ModuleName,
                To = expert.EmployerEmail!,
                ToName = expert.Employer,
                Subject = $"应急管理专家变动通知：{expert.Name}",
                TextBody = $"{expert.Employer}：\n\n贵单位 {expert.Name} 同志{what}，原因：{reason}。其应急管理专家聘任证书（编号 {expert.CertificateNumber}）已注销。\n\n特此通知。",
            });
        }

        return true;
    }

    /// <summary>
    /// Recomputes the expert's run of unexcused absences from the recorded meeting attendance (latest first),
    /// so changing an attendance never counts twice, and disqualifies at the county's threshold. Saved attendance only.
    /// </summary>
    public async Task RecomputeAbsencesAsync(Expert expert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var recorded = await (
                from i in db.MeetingInvitations
                join m in db.Meetings on i.MeetingId equals m.Id
                where i.ExpertId == expert.Id && i.Attendance != Attendance.Unrecorded
                orderby m.StartsAtUtc descending, m.Id descending
                select i.Attendance)
            .ToListAsync(cancellationToken);
        expert.ConsecutiveUnexcusedAbsences = recorded.TakeWhile(a => a == Attendance.Unexcused).Count();
        var threshold = await settings.GetAsync(ExpertsModule.AbsencesBeforeDisqualification, cancellationToken);
        if (expert.ConsecutiveUnexcusedAbsences >= threshold)
        {
            End(expert, ExpertExitKind.Disqualified, AbsencesReason(threshold));
        }
    }
}
