import { describe, expect, test } from 'vitest'
import { isHttpUrl, sourceOf } from './sources.ts'

describe('item sources', () => {
  test.each([
    [
      'https://x.com/vista8/status/2002765844682862597',
      { host: 'x.com', handle: 'vista8', statusId: '2002765844682862597' },
    ],
    [
      'https://twitter.com/dotey/status/123?s=20',
      { host: 'twitter.com', handle: 'dotey', statusId: '123' },
    ],
    [
      'https://www.x.com/op7418/status/9/photo/1',
      { host: 'x.com', handle: 'op7418', statusId: '9' },
    ],
    ['https://mobile.twitter.com/karpathy', { host: 'mobile.twitter.com', handle: 'karpathy' }],
    ['https://x.com/i/web/status/1', { host: 'x.com' }],
    ['https://www.example.com/post/1', { host: 'example.com' }],
    ['http://Blog.Example.ORG:8080/a', { host: 'blog.example.org' }],
    ['https://huggingface.co/papers/1', { host: 'huggingface.co' }],
  ])('%s', (url, source) => {
    expect(sourceOf(url)).toEqual(source)
  })

  test('only absolute http(s) urls count as links', () => {
    expect(['https://a.com', 'HTTP://a.com'].map(isHttpUrl)).toEqual([true, true])
    expect(
      ['javascript:alert(1)', 'data:text/html,x', '/relative', 'ftp://a.com', 'mailto:a@b.c'].map(
        isHttpUrl,
      ),
    ).toEqual([false, false, false, false, false])
  })

  test('urls that new URL() forgives but the content schema refuses are not links', () => {
    const urls = [
      'https:example.com',
      'http:\\\\evil.com',
      'https:/a.com',
      'http:///a.com',
      'https://',
    ]
    expect(urls.map(isHttpUrl)).toEqual([false, false, false, false, false])
  })
})
