import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'

export function NotFoundRoute() {
  return (
    <div>
      <h1>页面不存在</h1>
      <Link to={paths.home.getHref()}>返回时间线</Link>
    </div>
  )
}
