import textwrap
from textwrap import TextWrapper


def show(label, func, *args, **kwargs):
    try:
        result = func(*args, **kwargs)
    except Exception as e:
        print(label, 'raised', type(e).__name__, str(e))
        return
    if isinstance(result, list):
        print(label, '-> list of', len(result))
        for line in result:
            print('   |' + line + '|')
    else:
        print(label, '->', repr(result))


para = ("The quick brown fox jumps over the lazy dog. Pack my box with five "
        "dozen liquor jugs!  How vexingly quick daft zebras jump; the five "
        "boxing wizards jump quickly.")
hyph = ("A well-known, state-of-the-art, off-the-shelf solution for "
        "mother-in-law problems -- or so they say--is a long-term "
        "re-evaluation of e-mail and x-ray anti-anti-establishment policies.")
long_words = ("Supercalifragilisticexpialidocious and "
              "pneumonoultramicroscopicsilicovolcanoconiosis are long; "
              "http://example.com/a/very/long/path-with-hyphens-in-it/index "
              "too.")
tabs = "Column\tone\tand\ttwo.\nNew line\there.\r\nCarriage\x0bvt\x0cff end."

for width in (10, 20, 35, 70):
    show('wrap para %d' % width, textwrap.wrap, para, width)
for width in (8, 15, 30):
    show('wrap hyph %d' % width, textwrap.wrap, hyph, width)
    show('wrap hyph nobreak %d' % width, textwrap.wrap, hyph, width,
         break_on_hyphens=False)
for width in (7, 12, 25):
    show('wrap long %d' % width, textwrap.wrap, long_words, width)
    show('wrap long nobreak %d' % width, textwrap.wrap, long_words, width,
         break_long_words=False)
show('wrap long both off', textwrap.wrap, long_words, 12,
     break_long_words=False, break_on_hyphens=False)
show('fill', textwrap.fill, para, 30)
show('fill indents', textwrap.fill, para, 30, initial_indent='* ',
     subsequent_indent='    ')
show('wrap tabs', textwrap.wrap, tabs, 12)
show('wrap tabs tabsize', textwrap.wrap, tabs, 20, tabsize=4)
show('wrap no expand', textwrap.wrap, tabs, 20, expand_tabs=False)
show('wrap keep ws', textwrap.wrap, tabs, 20, replace_whitespace=False)
show('wrap no drop', textwrap.wrap, '  leading and   trailing  ', 10,
     drop_whitespace=False)
show('wrap drop', textwrap.wrap, '  leading and   trailing  ', 10)
show('wrap sentence', textwrap.wrap, 'One sentence. Two here! "Quoted." '
     'Why? Mr. Smith e.g. done', 25, fix_sentence_endings=True)
show('wrap empty', textwrap.wrap, '')
show('wrap spaces', textwrap.wrap, '     ')
show('fill empty', textwrap.fill, '')
show('wrap em-dash', textwrap.wrap, 'this--that and these---those or -- a '
     'dash--', 9)
show('wrap numbers', textwrap.wrap, '1-2-3-4-5-6 abc-123 123-abc a-b-c '
     'ab-cd', 6)
show('wrap unicode', textwrap.wrap, 'naïve café-crème déjà-vu résumé '
     'non\xa0breaking space', 12)
show('wrap width 1', textwrap.wrap, 'abc de', 1)
show('wrap exact', textwrap.wrap, 'abcde fghij', 5)

for n in (1, 2, 3):
    show('max_lines %d' % n, textwrap.wrap, para, 30, max_lines=n)
show('max_lines placeholder', textwrap.wrap, para, 25, max_lines=2,
     placeholder=' (more)')
show('max_lines fits', textwrap.wrap, 'short text', 30, max_lines=1)
show('max_lines indent', textwrap.fill, para, 30, max_lines=2,
     initial_indent='> ', subsequent_indent='>> ')
show('max_lines long word', textwrap.wrap,
     'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbb', 10, max_lines=2)
show('max_lines prev line', textwrap.wrap, 'aa bb cccccccccccccc', 8,
     max_lines=2, placeholder='...')
show('placeholder too large', textwrap.wrap, para, 5, max_lines=1,
     placeholder=' [truncated]')
show('invalid width', textwrap.wrap, para, 0)
show('invalid width neg', textwrap.fill, para, -3)

show('shorten', textwrap.shorten, 'Hello  world!', 12)
show('shorten cut', textwrap.shorten, 'Hello  world!', 11)
show('shorten long', textwrap.shorten, para, 40)
show('shorten placeholder', textwrap.shorten, para, 40, placeholder='...')
show('shorten ws', textwrap.shorten, '  lots \t of\n\n space  ', 30)
show('shorten error', textwrap.shorten, para, 3)
show('shorten one word', textwrap.shorten, 'Supercalifragilistic', 10)

w = TextWrapper(width=24, initial_indent='- ', subsequent_indent='  ',
                break_on_hyphens=False)
show('wrapper', w.wrap, hyph)
w.width = 40
w.break_on_hyphens = True
show('wrapper changed', w.fill, hyph)
print('wrapper attrs', w.width, repr(w.initial_indent), w.expand_tabs,
      w.replace_whitespace, w.fix_sentence_endings, w.break_long_words,
      w.drop_whitespace, w.tabsize, w.max_lines, repr(w.placeholder))

code = '''
    def f(x):
        if x:
            return 1

        return 2
    '''
show('dedent code', textwrap.dedent, code)
show('dedent tabs', textwrap.dedent, '\tline one\n\t\tline two\n\tend')
show('dedent mixed', textwrap.dedent, '  a\n\tb\n')
show('dedent partial', textwrap.dedent, '    a\n  b\n      c')
show('dedent blank lines', textwrap.dedent, '  a\n    \n  b\n\t\n')
show('dedent none', textwrap.dedent, 'a\n  b')
show('dedent empty', textwrap.dedent, '')
show('dedent common tab', textwrap.dedent, '\t  x\n\t y')
show('dedent crlf', textwrap.dedent, '  a\r\n  b\r\n')

sample = 'first line\n\n  second\n   \nthird\r\nfourth'
show('indent', textwrap.indent, sample, '> ')
show('indent all', textwrap.indent, sample, '+ ', lambda line: True)
show('indent pred', textwrap.indent, sample, '# ',
     lambda line: line.startswith('t') or line.startswith('f'))
show('indent empty', textwrap.indent, '', 'x')
show('indent code', textwrap.indent, textwrap.dedent(code), '    ')
