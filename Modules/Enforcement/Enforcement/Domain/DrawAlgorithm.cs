using System.Globalization;

namespace Emergency.Enforcement.Domain;

/// <summary>The inputs of a draw, exactly as its record keeps them.</summary>
internal sealed record DrawInput(
    ulong Seed,
    IReadOnlyList<int> CandidateTargets,
    IReadOnlyList<int> CandidateOfficers,
    int Count,
    int OfficersPerTarget,
    IReadOnlySet<(int Officer, int Target)> Recusals,
    IReadOnlyDictionary<int, IReadOnlySet<int>> PreviousTeams);

/// <summary>The targets drawn in order with their officers, and the drawn targets that could not be staffed.</summary>
internal sealed record DrawOutcome(IReadOnlyList<(int Target, IReadOnlyList<int> Officers)> Items, IReadOnlyList<int> Unstaffed);

/// <summary>
/// The 双随机 procedure, deterministic so that anyone holding a draw's record re-runs it to the same result. Version
/// <see cref="Version"/>:
/// <list type="number">
/// <item>Generator: SplitMix64 from the 64-bit seed: state += 0x9E3779B97F4A7C15; z = state;
/// z = (z ^ (z &gt;&gt; 30)) · 0xBF58476D1CE4E5B9; z = (z ^ (z &gt;&gt; 27)) · 0x94D049BB133111EB; output z ^ (z &gt;&gt; 31)
/// (all arithmetic modulo 2^64).</item>
/// <item>A number below n: draw outputs until one is ≥ (2^64 − n) mod n, and take it mod n (no bias).</item>
/// <item>Shuffle (Fisher–Yates): for i from n−1 down to 1, swap item i with item (a number below i+1).</item>
/// <item>Targets: sort the candidate target ids ascending, shuffle, and take the first <c>Count</c> in that order.</item>
/// <item>Officers, for each drawn target in order (one generator throughout): the candidate officer ids ascending
/// without those with a declared conflict with the target; shuffle; the team is the first K. When the team is the
/// target's previous team (the same set), its last member is replaced by the (K+1)th. A target with fewer than K
/// officers left, or only its previous team, is unstaffed.</item>
/// </list>
/// System.Random is not used: its sequence for a seed is not promised across .NET versions.
/// </summary>
internal static class DrawAlgorithm
{
    public const string Version = "splitmix64-fisher-yates/1";

    public static DrawOutcome Run(DrawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var random = new SplitMix64(input.Seed);
        var targets = input.CandidateTargets.Order().ToList();
        random.Shuffle(targets);
        var items = new List<(int, IReadOnlyList<int>)>();
        var unstaffed = new List<int>();
        foreach (var target in targets.Take(Math.Max(0, input.Count)))
        {
            var officers = input.CandidateOfficers.Order().Where(o => !input.Recusals.Contains((o, target))).ToList();
            random.Shuffle(officers);
            var k = input.OfficersPerTarget;
            if (officers.Count < k)
            {
                unstaffed.Add(target);
                continue;
            }

            var team = officers.Take(k).ToList();
            if (input.PreviousTeams.TryGetValue(target, out var previous) && previous.SetEquals(team))
            {
                if (officers.Count == k)
                {
                    unstaffed.Add(target);
                    continue;
                }

                team[k - 1] = officers[k];
            }

            items.Add((target, team));
        }

        return new DrawOutcome(items, unstaffed);
    }

    /// <summary>A fresh 64-bit seed from the operating system's cryptographic generator.</summary>
    public static ulong NewSeed() => BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public static string FormatSeed(ulong seed) => seed.ToString("x16", CultureInfo.InvariantCulture);

    public static ulong? ParseSeed(string? text) =>
        ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var seed) ? seed : null;

    public static string Join(IEnumerable<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public static List<int> Ids(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public static string JoinRecusals(IEnumerable<(int Officer, int Target)> recusals) =>
        string.Join(",", recusals.Order().Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Officer}:{r.Target}")));

    public static HashSet<(int Officer, int Target)> Recusals(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':'))
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToHashSet();

    public static string JoinTeams(IReadOnlyDictionary<int, IReadOnlySet<int>> teams) =>
        string.Join(",", teams.OrderBy(t => t.Key).Select(t =>
            t.Key.ToString(CultureInfo.InvariantCulture) + ":" + string.Join("+", t.Value.Order().Select(o => o.ToString(CultureInfo.InvariantCulture)))));

    public static Dictionary<int, IReadOnlySet<int>> Teams(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(':'))
            .ToDictionary(
                p => int.Parse(p[0], CultureInfo.InvariantCulture),
                p => (IReadOnlySet<int>)p[1].Split('+', StringSplitOptions.RemoveEmptyEntries).Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToHashSet());

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014) as written out above.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong state = seed;

        public ulong Next()
        {
            unchecked
            {
                state += 0x9E3779B97F4A7C15UL;
                var z = state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        public int Below(int bound)
        {
            var n = (ulong)bound;
            var threshold = unchecked(0UL - n) % n;
            while (true)
            {
                var r = Next();
                if (r >= threshold)
                {
                    return (int)(r % n);
                }
            }
        }

        public void Shuffle(List<int> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = Below(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}
