using AIOps.Dashboard.Security;

namespace AIOps.Dashboard.Tests.Security;

public sealed class PasswordHashTests
{
    [Fact]
    public void Verify_TheRightPassword_MatchesAndAnyOtherDoesNot()
    {
        var hash = PasswordHash.Create("correct horse battery", iterations: 10_000);

        PasswordHash.Verify("correct horse battery", hash).Should().BeTrue();
        PasswordHash.Verify("correct horse batterY", hash).Should().BeFalse();
        PasswordHash.Verify("", hash).Should().BeFalse();
    }

    [Fact]
    public void Create_SamePasswordTwice_SaltsEachDifferently()
    {
        PasswordHash.Create("same password here", 10_000).Should().NotBe(PasswordHash.Create("same password here", 10_000));
        PasswordHash.Create("same password here").Should().StartWith("pbkdf2-sha256$210000$");
    }

    [Theory]
    [InlineData("plaintext", "must read pbkdf2-sha256$iterations$salt$hash")]
    [InlineData("pbkdf2-sha256$100$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "at least 10000 iterations")]
    [InlineData("pbkdf2-sha256$20000$not base64!$AAAA", "base64")]
    [InlineData("md5$20000$AAAA$AAAA", "must read")]
    public void Problem_Malformed_SaysWhatIsWrongAndVerifyRefuses(string hash, string problem)
    {
        PasswordHash.Problem(hash).Should().Contain(problem);
        PasswordHash.Verify("anything", hash).Should().BeFalse();
    }
}
