// The passwords (and password stems) that top every published list of leaked passwords: keyboard
// walks, "password" and its spellings, names, sports, pets, seasons, swear words, and this service's
// own name. Curated by hand (no list can be downloaded on the build machines); `password-policy.ts`
// matches them after lower-casing, trimming leading and trailing digits and symbols, undoing common
// letter-for-digit swaps and collapsing repetitions, so one stem here also covers `Summer2024!`,
// `P@ssw0rd1`, `monkeymonkey` and the like. Entries are lower case, letters and digits only where the
// stem itself has them (`1qaz2wsx`, `abc123`).

const LIST = `
password passwd passwort passe pass pw secret secrets letmein welcome hello hi hey login logon signin
admin administrator root toor sysadmin superuser user guest test tester testing demo sample default
changeme change private access master masterkey key keys token temp temporary newpassword mypassword
nopassword unknown nothing none null blank whatever anything something qwerty qwertz azerty qwertyuiop
qwertyui qwer qwe asdf asdfg asdfgh asdfghjk asdfghjkl asd zxc zxcv zxcvb zxcvbn zxcvbnm qaz qazwsx
qazwsxedc wsx edc 1qaz2wsx 1qaz2wsx3edc zaq1xsw2 zaq12wsx 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y
q1w2e3r4 q1w2e3r4t5 qwe123 qwer1234 123qwe 1234qwer asdf1234 zxcv1234 abc abcd abcde abcdef abcdefg
abcdefgh abcdefghi abc123 abcd1234 a1b2c3 a1b2c3d4 123abc aaa abcabc iloveyou iloveu ilove loveyou
loveme lovely love lover loving mylove sweetheart sweetie honey baby babygirl babyboy angel angels
princess princesa prince queen king kingdom god jesus christ faith heaven blessed trustno1 freedom
peace happy happiness smile sunshine sunflower flower flowers rose butterfly rainbow star stars
starlight moon sun summer winter spring autumn fall snow snowball christmas dragon dragons monkey
monkeys tiger lion eagle falcon wolf bear shark dolphin horse pony bunny kitty kitten cat cats dog
dogs puppy doggy pussy pussycat cookie cookies cupcake chocolate candy sugar cheese pizza banana
apple orange lemon cherry peach strawberry coffee beer whiskey vodka pepper ginger maggie bailey
buster tigger charlie max buddy rocky lucky shadow smokey molly daisy lucy sophie sasha bella chloe
ashley jessica jennifer michelle nicole amanda melissa sarah hannah natalie samantha elizabeth
michael daniel david thomas andrew joshua matthew robert william james john richard joseph charles
christopher anthony jordan jordan23 justin hunter ranger tyler austin taylor dakota harley hunter2
football baseball basketball soccer hockey golf golfer tennis boxing wrestling volleyball cricket
rugby nascar yankees cowboys steelers lakers packers eagles redsox liverpool chelsea arsenal
barcelona realmadrid manchester juventus madrid london paris berlin newyork america canada mexico
superman batman spiderman ironman hulk thor wolverine starwars startrek pokemon pikachu naruto
goku matrix gandalf frodo harrypotter hogwarts zelda mario minecraft fortnite roblox warcraft
computer internet google gmail yahoo hotmail facebook twitter instagram linkedin youtube tiktok
microsoft windows apple iphone samsung android nokia sony nintendo playstation xbox mustang
ferrari corvette porsche mercedes bmw audi toyota honda camaro harley killer hacker hacked ninja
pirate warrior soldier sniper viper cobra phoenix thunder lightning storm shadow fire ice blood
death devil demon evil angel666 satan hell heaven sexy hottie hotstuff lover69 pussy69 fuck fucker
fuckyou fuckoff fuckme shit bitch asshole bastard biteme blowjob dick cock penis boobs sex sexsex
money cash dollar rich million bank business company office work family friends friend forever
always together secret123 master123 admin123 test123 user123 root123 pass123 welcome123 hello123
iloveyou123 qwerty123 password123 password1 password12 letmein1 welcome1 passw0rd p4ssw0rd
p4ssword p@ssw0rd p@ssword pa55word pa55w0rd 12345678 123456789 1234567890 0123456789 0987654321
987654321 87654321 11111111 00000000 12341234 12344321 11223344 112233 121212 123123 123321 147258
147258369 159753 159357 753951 789456 456789 456123 741852963 963852741 666666 696969 7777777
88888888 99999999 1111111111 123456 1234567 12345 kairo kairostudio
`

/** The list as a set, for one lookup per candidate spelling. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean))
