namespace GraphQLEngine.Utilities;

/// <summary>graphql-js's <c>naturalCompare</c>: digit runs compare by numeric value, other characters by UTF-16 code.</summary>
public static class NaturalCompare
{
    public static int Compare(string a, string b)
    {
        var aIndex = 0;
        var bIndex = 0;
        while (aIndex < a.Length && bIndex < b.Length)
        {
            int aChar = a[aIndex];
            int bChar = b[bIndex];
            if (IsDigit(aChar) && IsDigit(bChar))
            {
                // Mirrors the reference loop, which stops a run after a leading zero (so "0" and "00" stay distinct).
                long aNum = 0;
                do
                {
                    ++aIndex;
                    aNum = aNum * 10 + aChar - '0';
                    aChar = aIndex < a.Length ? a[aIndex] : -1;
                } while (IsDigit(aChar) && aNum > 0);
                long bNum = 0;
                do
                {
                    ++bIndex;
                    bNum = bNum * 10 + bChar - '0';
                    bChar = bIndex < b.Length ? b[bIndex] : -1;
                } while (IsDigit(bChar) && bNum > 0);
                if (aNum < bNum) return -1;
                if (aNum > bNum) return 1;
            }
            else
            {
                if (aChar < bChar) return -1;
                if (aChar > bChar) return 1;
                ++aIndex;
                ++bIndex;
            }
        }
        return (a.Length - b.Length) switch { < 0 => -1, > 0 => 1, _ => 0 };
    }

    private static bool IsDigit(int code) => code is >= '0' and <= '9';
}
